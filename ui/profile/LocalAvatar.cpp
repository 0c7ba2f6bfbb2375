#include "ui/profile/LocalAvatar.h"

#include "ui/common/Appearance.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QSaveFile>

namespace parley::ui {

LocalAvatar::LocalAvatar(QString profileDir)
    : m_profileDir(std::move(profileDir))
{ }

QString LocalAvatar::path() const
{
    return QDir(m_profileDir).filePath(FileName);
}

bool LocalAvatar::exists() const
{
    return QFileInfo(path()).isFile();
}

QImage LocalAvatar::image() const
{
    if (!exists())
        return {};
    QImageReader reader(path(), "png");
    return reader.read();
}

bool LocalAvatar::save(const QImage &image, QString *error) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (image.isNull())
        return fail(tr("There is no picture to save."));
    if (!QDir().mkpath(m_profileDir))
        return fail(tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(m_profileDir)));
    // Encoded in memory first: the file then only takes bytes (and libpng never meets a failing
    // write, after which Qt 6.4's PNG writer leaks its row buffer).
    QByteArray png;
    QBuffer buffer(&png);
    if (!buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "png"))
        return fail(tr("Cannot encode the picture as PNG."));
    QSaveFile file(path());
    if (!file.open(QIODevice::WriteOnly))
        return fail(
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path()), file.errorString()));
    if (file.write(png) != png.size()) {
        file.cancelWriting();
        return fail(
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path()), file.errorString()));
    }
    if (!file.commit())
        return fail(
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path()), file.errorString()));
    return true;
}

QString LocalAvatar::keptLocallyNote()
{
    return tr("Your picture is kept on this computer until Parley can send pictures; others "
              "still see your initials.");
}

bool LocalAvatar::remove(QString *error) const
{
    QFile file(path());
    if (!file.exists() || file.remove())
        return true;
    if (error)
        *error
            = tr("Cannot remove %1: %2").arg(QDir::toNativeSeparators(path()), file.errorString());
    return false;
}

QPixmap LocalAvatar::roundPixmap(const QImage &picture, const QString &name, const QString &seed,
                                 int size, qreal ratio)
{
    if (picture.isNull())
        return appearance::avatarPixmap(name, seed, size, ratio);
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    QPainterPath circle;
    circle.addEllipse(QRectF(0, 0, size, size));
    painter.setClipPath(circle);
    // Scaled once with averaging: the painter alone would sample 512 pixels down to 96 roughly.
    painter.drawImage(QRectF(0, 0, size, size),
                      picture.scaled(QSize(size, size) * ratio, Qt::KeepAspectRatioByExpanding,
                                     Qt::SmoothTransformation));
    return pixmap;
}

} // namespace parley::ui

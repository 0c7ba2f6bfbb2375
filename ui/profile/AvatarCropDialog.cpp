#include "ui/profile/AvatarCropDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSlider>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace parley::ui {

namespace {
constexpr int FrameMargin = 24; // room around the frame to see what is cut off
constexpr int AreaSide = 360;
constexpr int KeyStep = 10; // pixels an arrow key moves the picture
constexpr int ZoomPerNotch = 20; // percent of the slider per wheel notch
// A photo editor's backdrop, dark in both themes, so the picture reads as it will look.
const QColor Backdrop(0x1c, 0x1c, 0x1c);
} // namespace

AvatarCropArea::AvatarCropArea(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::OpenHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void AvatarCropArea::setImage(const QImage &image)
{
    // The painter would convert any other format on every paint, a whole large photo each time.
    m_image = image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                                            : QImage::Format_RGB32);
    m_centre = QRectF(m_image.rect()).center();
    m_zoom = 1.0;
    update();
}

void AvatarCropArea::setZoom(qreal zoom)
{
    zoom = qBound(1.0, zoom, MaxZoom);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    m_zoom = zoom; // about the frame's centre
    keepFrameFilled();
    update();
}

QRectF AvatarCropArea::cropRegion() const
{
    if (m_image.isNull())
        return {};
    const qreal side = qMin(m_image.width(), m_image.height()) / m_zoom;
    return {m_centre.x() - side / 2, m_centre.y() - side / 2, side, side};
}

QSize AvatarCropArea::sizeHint() const
{
    return {AreaSide, AreaSide};
}

QSize AvatarCropArea::minimumSizeHint() const
{
    return {AreaSide * 2 / 3, AreaSide * 2 / 3};
}

QRectF AvatarCropArea::frame() const
{
    const qreal side = qMax(1, qMin(width(), height()) - 2 * FrameMargin);
    return {(width() - side) / 2, (height() - side) / 2, side, side};
}

qreal AvatarCropArea::scale() const
{
    if (m_image.isNull())
        return 1.0;
    return frame().width() / qMin(m_image.width(), m_image.height()) * m_zoom;
}

void AvatarCropArea::moveBy(QPointF widgetPixels)
{
    m_centre -= widgetPixels / scale();
    keepFrameFilled();
    update();
}

void AvatarCropArea::keepFrameFilled()
{
    const qreal half = qMin(m_image.width(), m_image.height()) / m_zoom / 2;
    m_centre.setX(qBound(half, m_centre.x(), m_image.width() - half));
    m_centre.setY(qBound(half, m_centre.y(), m_image.height() - half));
}

void AvatarCropArea::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Backdrop);
    if (m_image.isNull())
        return;
    const QRectF square = frame();
    const qreal s = scale();
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.translate(square.center());
    painter.scale(s, s);
    painter.translate(-m_centre);
    painter.drawImage(QPointF(0, 0), m_image);
    painter.restore();

    // What is cut off is dimmed, and the corners the round avatar hides a little less: the
    // picture is kept square, others' screens show it round.
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath all;
    all.addRect(rect());
    QPainterPath kept;
    kept.addRect(square);
    QPainterPath circle;
    circle.addEllipse(square);
    painter.fillPath(all.subtracted(kept), QColor(0, 0, 0, 170));
    painter.fillPath(kept.subtracted(circle), QColor(0, 0, 0, 100));
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(255, 255, 255, 90), 1));
    painter.drawRect(square);
    painter.setPen(QPen(QColor(255, 255, 255, 230), 2));
    painter.drawEllipse(square);
}

void AvatarCropArea::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_dragFrom = event->position();
    setCursor(Qt::ClosedHandCursor);
}

void AvatarCropArea::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragFrom)
        return QWidget::mouseMoveEvent(event);
    moveBy(event->position() - *m_dragFrom);
    m_dragFrom = event->position();
}

void AvatarCropArea::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_dragFrom)
        return QWidget::mouseReleaseEvent(event);
    moveBy(event->position() - *m_dragFrom);
    m_dragFrom.reset();
    setCursor(Qt::OpenHandCursor);
}

void AvatarCropArea::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0)
        return QWidget::wheelEvent(event);
    Q_EMIT wheelTurned(delta / 120.0); // a touchpad sends fractions of a notch
    event->accept();
}

void AvatarCropArea::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        return moveBy({KeyStep, 0});
    case Qt::Key_Right:
        return moveBy({-KeyStep, 0});
    case Qt::Key_Up:
        return moveBy({0, KeyStep});
    case Qt::Key_Down:
        return moveBy({0, -KeyStep});
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        Q_EMIT wheelTurned(1);
        return;
    case Qt::Key_Minus:
        Q_EMIT wheelTurned(-1);
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

AvatarCropDialog::AvatarCropDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Crop your picture"));
    setObjectName(QStringLiteral("avatarCropDialog"));
    m_area = new AvatarCropArea(this);
    m_area->setObjectName(QStringLiteral("avatarCropArea"));
    m_area->setAccessibleName(tr("Picture to crop"));
    auto *hint = new QLabel(tr("Drag the picture to place it in the circle; zoom with the slider "
                               "or the mouse wheel."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_zoom = new QSlider(Qt::Horizontal, this);
    m_zoom->setObjectName(QStringLiteral("avatarZoom"));
    m_zoom->setAccessibleName(tr("Zoom"));
    m_zoom->setRange(100, int(AvatarCropArea::MaxZoom * 100)); // percent
    m_zoom->setPageStep(ZoomPerNotch);
    auto *smaller = new QLabel(QStringLiteral("−"), this);
    auto *bigger = new QLabel(QStringLiteral("+"), this);
    auto *zoomRow = new QHBoxLayout;
    zoomRow->addWidget(smaller);
    zoomRow->addWidget(m_zoom, 1);
    zoomRow->addWidget(bigger);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *use = buttons->button(QDialogButtonBox::Ok);
    use->setText(tr("Use picture"));
    use->setObjectName(QStringLiteral("useAvatar"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_area, 1);
    layout->addWidget(hint);
    layout->addLayout(zoomRow);
    layout->addWidget(buttons);

    connect(m_zoom, &QSlider::valueChanged, m_area,
            [this](int percent) { m_area->setZoom(percent / 100.0); });
    connect(m_area, &AvatarCropArea::wheelTurned, m_zoom, [this](qreal steps) {
        m_zoom->setValue(m_zoom->value() + qRound(steps * ZoomPerNotch));
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_area->setFocus();
}

std::optional<QImage> AvatarCropDialog::load(const QString &path, QString *error)
{
    const QFileInfo file(path);
    const QString name = file.fileName();
    const auto fail = [error](const QString &message) -> std::optional<QImage> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!file.exists())
        return fail(tr("“%1” was not found.").arg(name));
    if (file.size() > MaxFileBytes)
        return fail(tr("“%1” is larger than %2 MB. Choose a smaller picture.")
                        .arg(name)
                        .arg(MaxFileBytes / (1024 * 1024)));
    QImageReader reader(path);
    reader.setAutoTransform(true); // phones store photos sideways with an EXIF turn
    const QSize size = reader.size();
    if (size.isValid() && (size.width() > MaxSide || size.height() > MaxSide))
        reader.setScaledSize(size.scaled(MaxSide, MaxSide, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        return fail(tr("“%1” cannot be opened as a picture (%2). Choose a PNG or JPEG file.")
                        .arg(name, reader.errorString()));
    // Formats that cannot tell their size before reading are bounded after it.
    if (image.width() > MaxSide || image.height() > MaxSide)
        image = image.scaled(MaxSide, MaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

QString AvatarCropDialog::askForFile(QWidget *parent)
{
    QStringList patterns;
    for (const QByteArray &format : QImageReader::supportedImageFormats())
        patterns << QStringLiteral("*.") + QString::fromLatin1(format);
    return QFileDialog::getOpenFileName(
        parent, tr("Choose a profile picture"),
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
        tr("Pictures (%1);;All files (*)").arg(patterns.join(u' ')));
}

void AvatarCropDialog::setImage(const QImage &image)
{
    m_area->setImage(image);
    m_zoom->setValue(100);
}

QImage AvatarCropDialog::croppedImage() const
{
    QImage source = m_area->image();
    QRectF region = m_area->cropRegion();
    if (source.isNull() || region.isEmpty())
        return {};
    if (region.width() > 2 * OutputSize) {
        // Sampling a far larger region straight down to 512 pixels would alias (the painter
        // samples, it does not average); a smooth scaled copy of the region first does not.
        const QRect around = region.toAlignedRect() & source.rect();
        const qreal factor = 2.0 * OutputSize / region.width();
        source = source.copy(around).scaled(qRound(around.width() * factor),
                                            qRound(around.height() * factor), Qt::IgnoreAspectRatio,
                                            Qt::SmoothTransformation);
        region = QRectF((region.x() - around.x()) * factor, (region.y() - around.y()) * factor,
                        region.width() * factor, region.height() * factor);
    }
    QImage cropped(OutputSize, OutputSize, QImage::Format_ARGB32_Premultiplied);
    cropped.fill(Qt::transparent);
    QPainter painter(&cropped);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(QRectF(0, 0, OutputSize, OutputSize), source, region);
    painter.end();
    return cropped;
}

} // namespace parley::ui

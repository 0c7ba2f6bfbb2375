#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QString>

class QPixmap;

namespace parley::ui {

// This account's own profile picture, kept as avatar.png in its profile folder until pictures
// can go through the server's media (others see the initials until then). A failed save keeps
// the picture that was there: the new one is written beside it and renamed over it only whole.
class LocalAvatar
{
    Q_DECLARE_TR_FUNCTIONS(parley::ui::LocalAvatar)
public:
    static inline const QString FileName = QStringLiteral("avatar.png");

    explicit LocalAvatar(QString profileDir);

    QString path() const;
    bool exists() const;
    // Null when there is none (or it cannot be read).
    QImage image() const;
    bool save(const QImage &image, QString *error) const;
    // Removing a picture that is not there succeeds.
    bool remove(QString *error) const;

    // `picture` in a circle of `size` logical pixels at the device pixel `ratio`, or, when it is
    // null, the initials avatar everyone else sees.
    // What the screens that show the picture say of where it is kept.
    static QString keptLocallyNote();

    static QPixmap roundPixmap(const QImage &picture, const QString &name, const QString &seed,
                               int size, qreal ratio);

private:
    QString m_profileDir;
};

} // namespace parley::ui

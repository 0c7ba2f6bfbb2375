#pragma once

#include <QDialog>
#include <QImage>
#include <QPoint>
#include <QPointF>

#include <optional>

class QSlider;

namespace parley::ui {

// The picture under a square frame with a round mask, as a profile picture is cut in WhatsApp
// and Telegram: drag to move it, the wheel (or the dialog's slider) to zoom. Zoom 1 is the
// shorter side of the picture filling the frame, so the frame never shows anything but the
// picture.
class AvatarCropArea : public QWidget
{
    Q_OBJECT
public:
    static constexpr qreal MaxZoom = 4.0;

    explicit AvatarCropArea(QWidget *parent = nullptr);

    // Centred at zoom 1.
    void setImage(const QImage &image);
    const QImage &image() const { return m_image; }
    void setZoom(qreal zoom);
    qreal zoom() const { return m_zoom; }
    // The part of the picture in the frame, in its pixels.
    QRectF cropRegion() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // The wheel turned by `steps` notches (positive: zoom in).
    void wheelTurned(qreal steps);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QRectF frame() const;
    qreal scale() const; // widget pixels per picture pixel
    void moveBy(QPointF widgetPixels);
    void keepFrameFilled();

    QImage m_image;
    QPointF m_centre; // the picture's point at the frame's centre
    qreal m_zoom = 1.0;
    std::optional<QPointF> m_dragFrom;
};

// Cuts a profile picture: the picked image in an AvatarCropArea with a zoom slider; OK gives the
// square in the frame as a 512×512 picture.
class AvatarCropDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int OutputSize = 512;
    // Bigger files are refused before reading: a picture this size is not a profile photo.
    static constexpr qint64 MaxFileBytes = 50 * 1024 * 1024;
    // Larger pictures are read scaled down to this on their longer side, so a huge photo takes
    // a bounded amount of memory (64 MB at most) and stays quick to move.
    static constexpr int MaxSide = 4096;

    explicit AvatarCropDialog(QWidget *parent = nullptr);

    // The picture at `path`, or nothing and a sentence for the user in `error`.
    static std::optional<QImage> load(const QString &path, QString *error);
    // Asks for a picture file; empty when the user cancels.
    static QString askForFile(QWidget *parent);

    void setImage(const QImage &image);
    QImage croppedImage() const;
    AvatarCropArea *cropArea() const { return m_area; }

private:
    AvatarCropArea *m_area = nullptr;
    QSlider *m_zoom = nullptr;
};

} // namespace parley::ui

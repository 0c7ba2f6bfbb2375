#pragma once

#include <QByteArray>
#include <QImage>

namespace parley::ui {

// A QR code (libqrencode) as a black-on-white image with the quiet zone of four modules that
// scanners need around it: each module `moduleSize` pixels. A null image when the text does
// not fit in a QR code.
QImage qrCodeImage(const QByteArray &text, int moduleSize);

} // namespace parley::ui

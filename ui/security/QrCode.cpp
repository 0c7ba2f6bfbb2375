#include "ui/security/QrCode.h"

#include <qrencode.h>

#include <memory>

namespace parley::ui {

QImage qrCodeImage(const QByteArray &text, int moduleSize)
{
    constexpr int QuietZone = 4; // modules of white around the code (ISO/IEC 18004)
    // Version 0: the smallest that holds the text; level M recovers from 15 % damage, plenty on
    // a screen. libqrencode picks numeric and alphanumeric segments by itself; case is kept.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(text.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code || moduleSize <= 0)
        return {};
    const int modules = code->width;
    const int side = (modules + 2 * QuietZone) * moduleSize;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            // Bit 0 of each byte: the module is dark.
            if (!(code->data[y * modules + x] & 1))
                continue;
            const int left = (x + QuietZone) * moduleSize;
            const int top = (y + QuietZone) * moduleSize;
            for (int row = top; row < top + moduleSize; ++row)
                std::fill_n(image.scanLine(row) + left, moduleSize, uchar(0));
        }
    }
    return image;
}

} // namespace parley::ui

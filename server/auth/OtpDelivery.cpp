#include "OtpDelivery.h"

#include <QDir>
#include <QSaveFile>

#include <cstdio>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;

protocol::Result<std::shared_ptr<OtpDelivery>> OtpDelivery::fromSpec(const QString &spec)
{
    if (spec == QLatin1String("console"))
        return std::shared_ptr<OtpDelivery>(std::make_shared<ConsoleOtpDelivery>());
    if (spec.startsWith(QLatin1String("file:")) && spec.size() > 5) {
        const QString directory = spec.mid(5);
        if (!QDir().mkpath(directory))
            return Error{ErrorCode::InvalidField,
                         QStringLiteral("cannot create %1").arg(directory)};
        return std::shared_ptr<OtpDelivery>(std::make_shared<FileOtpDelivery>(directory));
    }
    return Error{ErrorCode::InvalidField,
                 QStringLiteral("unknown OTP delivery '%1': use console or file:DIR").arg(spec)};
}

protocol::Result<bool> ConsoleOtpDelivery::deliver(const QString &phoneNumber, const QString &code)
{
    std::printf("Parley login code for %s: %s\n", qPrintable(phoneNumber), qPrintable(code));
    std::fflush(stdout);
    return true;
}

FileOtpDelivery::FileOtpDelivery(QString directory)
    : m_directory(std::move(directory))
{ }

protocol::Result<bool> FileOtpDelivery::deliver(const QString &phoneNumber, const QString &code)
{
    QSaveFile file(QDir(m_directory).filePath(phoneNumber + QLatin1String(".txt")));
    if (!file.open(QIODevice::WriteOnly) || file.write(code.toLatin1() + '\n') < 0
        || !file.commit())
        return Error{ErrorCode::InternalError, QStringLiteral("cannot write the code file")};
    return true;
}

} // namespace parley::server

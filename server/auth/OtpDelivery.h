#pragma once

#include "protocol/Result.h"

#include <QString>

#include <memory>

namespace parley::server {

// Sends a one-time code to the person who owns a phone number. Chosen with --otp-delivery.
class OtpDelivery
{
public:
    virtual ~OtpDelivery() = default;
    virtual protocol::Result<bool> deliver(const QString &phoneNumber, const QString &code) = 0;

    // "console" or "file:DIR"; anything else is an error naming what is accepted.
    static protocol::Result<std::shared_ptr<OtpDelivery>> fromSpec(const QString &spec);
};

// Prints the code on standard output: for a tester running the server in a terminal.
class ConsoleOtpDelivery : public OtpDelivery
{
public:
    protocol::Result<bool> deliver(const QString &phoneNumber, const QString &code) override;
};

// Writes the current code to DIR/<E.164 number>.txt (replaced atomically): for tests and
// scripted testers.
class FileOtpDelivery : public OtpDelivery
{
public:
    explicit FileOtpDelivery(QString directory);
    protocol::Result<bool> deliver(const QString &phoneNumber, const QString &code) override;

private:
    QString m_directory;
};

} // namespace parley::server

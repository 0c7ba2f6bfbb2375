#include "server/realtime/SocketPolicy.h"

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;

namespace {
const QString FrameRateOption = QStringLiteral("ws-frame-rate");
const QString TypingOption = QStringLiteral("ws-typing-limit");
const QString PingOption = QStringLiteral("ws-ping-interval");
const QString IdleOption = QStringLiteral("ws-idle-timeout");

std::optional<int> wholeNumber(const QString &text, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok && value >= 0 && value <= max ? std::optional<int>(value) : std::nullopt;
}
} // namespace

void SocketPolicy::addOptions(QCommandLineParser &parser)
{
    parser.addOption({FrameRateOption,
                      QStringLiteral("WebSocket frames a connection may send: RATE per second "
                                     "sustained, BURST at once (0/0: unlimited). Past it frames "
                                     "are refused; refusing as many again in 10 s closes it."),
                      QStringLiteral("RATE/BURST"), QStringLiteral("200/2000")});
    parser.addOption({TypingOption,
                      QStringLiteral("message:typing frames per chat and connection, as N/SECONDS "
                                     "(0/1: unlimited)."),
                      QStringLiteral("N/SECONDS"), QStringLiteral("5/5")});
    parser.addOption({PingOption,
                      QStringLiteral("Seconds of silence after which the server pings a "
                                     "WebSocket."),
                      QStringLiteral("SECONDS"), QStringLiteral("30")});
    parser.addOption({IdleOption,
                      QStringLiteral("Seconds of silence (no frame, no pong) after which a "
                                     "WebSocket is closed with 4408."),
                      QStringLiteral("SECONDS"), QStringLiteral("75")});
}

protocol::Result<SocketPolicy> SocketPolicy::fromParser(const QCommandLineParser &parser)
{
    SocketPolicy policy;
    const QStringList rate = parser.value(FrameRateOption).split(u'/');
    const auto perSecond = rate.size() == 2 ? wholeNumber(rate.at(0), 1000000) : std::nullopt;
    const auto burst = rate.size() == 2 ? wholeNumber(rate.at(1), 1000000) : std::nullopt;
    if (!perSecond || !burst || (*perSecond == 0) != (*burst == 0)) {
        return Error{ErrorCode::InvalidField,
                     QStringLiteral("--%1 takes RATE/BURST, like 200/2000 (0/0: unlimited); got "
                                    "'%2'")
                         .arg(FrameRateOption, parser.value(FrameRateOption))};
    }
    policy.framesPerSecond = *perSecond;
    policy.frameBurst = *burst;
    policy.hardRefusals = *burst;
    const auto typing = RateLimit::parse(parser.value(TypingOption));
    if (!typing) {
        return Error{ErrorCode::InvalidField,
                     QStringLiteral("--%1 takes N/SECONDS, like 5/5; got '%2'")
                         .arg(TypingOption, parser.value(TypingOption))};
    }
    policy.typingPerChat = *typing;
    const auto ping = wholeNumber(parser.value(PingOption), 24 * 3600);
    const auto idle = wholeNumber(parser.value(IdleOption), 24 * 3600);
    if (!ping || !idle || *ping < 1 || *idle <= *ping) {
        return Error{
            ErrorCode::InvalidField,
            QStringLiteral("--%1 and --%2 take seconds, the ping interval at least 1 and "
                           "the idle timeout longer than it; got %3 and %4")
                .arg(PingOption, IdleOption, parser.value(PingOption), parser.value(IdleOption))};
    }
    policy.pingIntervalSeconds = *ping;
    policy.idleTimeoutSeconds = *idle;
    return policy;
}

} // namespace parley::server

#pragma once

#include "ErrorCode.h"

#include <utility>
#include <variant>

namespace parley::protocol {

// A value or the protocol error that prevented it: parsing never throws across the event loop.
template<typename T> class Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    { }
    Result(Error error)
        : m_state(std::move(error))
    { }
    Result(ErrorCode code, QString message)
        : m_state(Error{code, std::move(message)})
    { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

} // namespace parley::protocol

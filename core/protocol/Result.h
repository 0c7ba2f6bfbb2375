#pragma once

#include "core/protocol/ErrorCode.h"

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
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T *operator->() const { return &std::get<T>(m_state); }
    T *operator->() { return &std::get<T>(m_state); }
    template<typename U> T value_or(U &&fallback) const &
    {
        return ok() ? value() : T(std::forward<U>(fallback));
    }
    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Success with nothing to return, or the error: `return {};` succeeds.
template<> class Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    { }
    Result(ErrorCode code, QString message)
        : Result(Error{code, std::move(message)})
    { }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace parley::protocol

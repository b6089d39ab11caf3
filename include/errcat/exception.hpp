// errcat::exception: an errcat::error thrown through the std::system_error machinery.
#pragma once

#include <memory>
#include <string>
#include <system_error>

#include "errcat/error.hpp"

namespace errcat {

/// An exception carrying an `errcat::error`. It derives from `std::system_error`, so
/// handlers for `std::system_error` or `std::exception` catch it; `code()` is the error's
/// `std::error_code`, so `e.code() == errcat::http_status::not_found` works in a handler.
/// `what()` is the code and the rendered message (`"IAM.0004: Could not find user: 42."`),
/// without the category description libstdc++ would otherwise append. Copying never
/// throws: the error and the text are shared.
class exception : public std::system_error {
 public:
  /// Carries `err`; throw it with `throw errcat::exception(err)` or `errcat::raise(err)`.
  explicit exception(const errcat::error& err);
  exception(const exception&) noexcept = default;
  exception& operator=(const exception&) noexcept = default;
  ~exception() override;

  /// `"<code>: <message>"`; just the message when the error has no code.
  const char* what() const noexcept override;

  /// The error this exception carries.
  const errcat::error& error() const noexcept { return error_; }

 private:
  exception(const errcat::error& err, std::shared_ptr<const std::string> what);

  errcat::error error_;
  // Shared so that copying the exception (which the runtime may do) cannot throw.
  std::shared_ptr<const std::string> what_;
};

/// Throws `errcat::exception(err)`.
[[noreturn]] void raise(const error& err);

}  // namespace errcat

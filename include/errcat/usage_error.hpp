// errcat::usage_error: thrown when a program asks for an error the catalog cannot make.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace errcat {

/// Thrown by `make()` for a programming mistake: an unknown or ambiguous code, an unknown
/// parameter name, a parameter given twice, or text for an integer parameter. `what()`
/// names the code and the parameter.
class usage_error : public std::invalid_argument {
 public:
  /// `message` is the full explanation; `code` and `param` are kept for inspection.
  usage_error(const std::string& message, std::string_view code, std::string_view param = {})
      : std::invalid_argument(message), code_(code), param_(param) {}

  /// The error code the call asked for.
  const std::string& code() const noexcept { return code_; }
  /// The parameter at fault (empty when the code itself is).
  const std::string& param() const noexcept { return param_; }

 private:
  std::string code_;
  std::string param_;
};

}  // namespace errcat

// Out-of-line parts of errcat::exception. The destructor is the key function, so the
// vtable and type_info live once, in the library: a handler in one shared object catches
// an exception thrown from another.
#include "errcat/exception.hpp"

#include <utility>

namespace errcat {
namespace {

std::string what_text(const error& err) {
  std::string text(err.code());
  if (!text.empty() && !err.message().empty()) text += ": ";
  text.append(err.message());
  if (text.empty()) text = "errcat: empty error";
  return text;
}

}  // namespace

exception::exception(const errcat::error& err)
    : exception(err, std::make_shared<const std::string>(what_text(err))) {}

exception::exception(const errcat::error& err, std::shared_ptr<const std::string> what)
    : std::system_error(err.error_code(), *what), error_(err), what_(std::move(what)) {}

exception::~exception() = default;

const char* exception::what() const noexcept {
  return what_->c_str();
}

void raise(const error& err) {
  throw exception(err);
}

}  // namespace errcat

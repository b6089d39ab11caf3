// Out-of-line definitions of the categories: one object each per program.
#include "errcat/category.hpp"

#include <string>

#include "errcat/error.hpp"
#include "errcat/http_status.hpp"

namespace errcat {
namespace {

class http_category_impl final : public std::error_category {
 public:
  constexpr http_category_impl() noexcept = default;
  const char* name() const noexcept override { return "http"; }
  std::string message(int status) const override {
    return std::to_string(status) + " " + std::string(reason_phrase(status));
  }
  bool equivalent(int status, const std::error_condition& cond) const noexcept override {
    if (cond.category() == *this) return cond.value() == status;
    const auto generic = generic_condition(status);
    return generic && cond == std::make_error_condition(*generic);
  }
};

}  // namespace

const std::error_category& http_category() noexcept {
  // Function-local so the library has no static initialiser.
  static const http_category_impl instance;
  return instance;
}

const char* catalog_category::name() const noexcept {
  // Service names are generated string literals, so data() is NUL-terminated.
  return catalog_->service.data();
}

std::string catalog_category::message(int value) const {
  if (const entry* e = catalog_->find_errc_value(value)) return std::string(e->description);
  return "unknown " + std::string(catalog_->service) + " error " + std::to_string(value);
}

std::error_condition catalog_category::default_error_condition(int value) const noexcept {
  if (const entry* e = catalog_->find_errc_value(value)) return {e->status, http_category()};
  return {value, *this};
}

bool catalog_category::equivalent(int value, const std::error_condition& cond) const noexcept {
  const entry* e = catalog_->find_errc_value(value);
  if (e == nullptr) return cond.category() == *this && cond.value() == value;
  if (cond.category() == http_category()) return cond.value() == e->status;
  const auto generic = generic_condition(e->status);
  return generic && cond == std::make_error_condition(*generic);
}

}  // namespace errcat

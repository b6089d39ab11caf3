// errcat::catalog_category: the std::error_category behind every generated catalog.
#pragma once

#include <string>
#include <system_error>

#include "errcat/catalog.hpp"
#include "errcat/http_status.hpp"

namespace errcat {

/// A `std::error_category` over a catalog: values are `entry::errc_value`, `name()` is the
/// catalog's service, `message()` the entry's description. Each catalog's `category()`
/// returns its one instance, defined out of line, so there is one object per program even
/// across shared libraries. Codes are equivalent to their HTTP status condition and, where
/// the meaning is the same, to a `std::errc` condition (`generic_condition()`).
class catalog_category final : public std::error_category {
 public:
  /// A category over `c`, which must outlive it (catalogs are static data).
  explicit constexpr catalog_category(const errcat::catalog& c) noexcept : catalog_(&c) {}

  /// The catalog's service name (`"iam"`).
  const char* name() const noexcept override;
  /// The description of the entry with value `value`, or `"unknown <service> error N"`.
  std::string message(int value) const override;
  /// The entry's HTTP status condition (`errcat::http_status`).
  std::error_condition default_error_condition(int value) const noexcept override;
  /// True for the entry's status condition and its generic `std::errc` condition.
  bool equivalent(int value, const std::error_condition& cond) const noexcept override;

  /// The catalog this category describes.
  const errcat::catalog& catalog() const noexcept { return *catalog_; }

 private:
  const errcat::catalog* catalog_;
};

}  // namespace errcat

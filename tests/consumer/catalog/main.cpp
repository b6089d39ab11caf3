// Uses a catalog generated from this project's own shop.json: the constexpr catalog, errc,
// category(), make() and make<>(), exactly as errcat::iam offers them.
#include <cstdio>
#include <string>
#include <string_view>
#include <system_error>

#include <shop/errors.hpp>
#include <shop/errors_table.hpp>  // the constexpr table, for the static_asserts

namespace shop_errors = shop::errors;

// The catalog's table is usable at compile time.
static_assert(shop_errors::table.size() == 4);
static_assert(shop_errors::table.find("SHOP.0001") != nullptr);
static_assert(shop_errors::table.find(409, "SHOP.0002") != nullptr);
static_assert(shop_errors::table.find("SHOP.9999") == nullptr);
// errc values: status * 1000000 + occurrence * 100000 + (prefixed ? 10000 : 0) + number,
// or the entry's explicit "value".
static_assert(static_cast<int>(shop_errors::errc::item_not_found) == 404010001);
static_assert(static_cast<int>(shop_errors::errc::basket_full) == 409010002);
static_assert(static_cast<int>(shop_errors::errc::bad_quantity) == 400000017);
static_assert(static_cast<int>(shop_errors::errc::internal) == 500999999);

int main() {
  int failures = 0;
  auto check = [&](bool ok, const char* what) {
    if (!ok) {
      std::fprintf(stderr, "FAILED: %s\n", what);
      ++failures;
    }
  };
  const errcat::error a = shop_errors::make("SHOP.0001", {{"item", "teapot"}});
  check(a.message() == "Item teapot was not found.", "make(code, {args}) renders");
  check(a.status() == 404, "the error has the documented status");

  const errcat::error b = shop_errors::make<"SHOP.0002">(12);
  check(b.message() == "The basket holds at most 12 items.", "make<\"CODE\">(args) renders");

  const errcat::error c = shop_errors::make<shop_errors::errc::bad_quantity>(
      errcat::arg<"quantity">(std::string_view("-3")));
  check(c.message() == "Quantity -3 is not allowed.", "make<errc>(named args) renders");
  check(c.code() == "17", "a numeric code is kept as documented");

  const std::error_code ec = shop_errors::errc::internal;
  check(ec.category().name() == std::string_view("shop"), "category() is named after the service");
  check(&ec.category() == &shop_errors::category(), "the code is in the catalog's category");
  check(ec.value() == 500999999, "an explicit value is the errc value");
  check(ec.message() == "Something went wrong inside the shop.", "message() is the description");
  check(shop_errors::make(shop_errors::errc::internal).error_code() == ec,
        "make(errc) gives the same error code");

  std::printf("shop catalog: %zu entries; %s: %s\n", shop_errors::catalog.size(),
              std::string(a.code()).c_str(), std::string(a.message()).c_str());
  return failures == 0 ? 0 : 1;
}

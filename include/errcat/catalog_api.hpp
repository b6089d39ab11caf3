// What every generated catalog header includes, and the per-catalog API it expands. This
// is the run-time side: it declares the catalog, which the generated source defines, and
// checks make<"CODE">() against the header's small signature index. It does not include
// fmt, the renderer or the matcher; constexpr use of the table is `<service>_table.hpp`
// (errcat/table_api.hpp).
#pragma once

#include <initializer_list>
#include <string_view>
#include <system_error>

#include "errcat/catalog.hpp"
#include "errcat/checked.hpp"
#include "errcat/detail/signature.hpp"
#include "errcat/entry.hpp"
#include "errcat/error.hpp"
#include "errcat/make.hpp"

/// Expands, inside a generated catalog's namespace, the API every catalog has:
/// `make_error_code(errc)` (found by ADL), `entry_of(errc)`, run-time `make(code, {...})`,
/// `make(status, code, {...})`, `make(errc, {...})`, and the compile-time checked
/// `make<"CODE">(args...)` and `make<errc::name>(args...)`. `CATALOG` is the catalog (a
/// declaration is enough), `SIGNATURES` its `detail::signature_index`. It lives here rather
/// than in the generator so that every catalog shares one hand-written, documented
/// definition.
#define ERRCAT_CATALOG_API(CATALOG, SIGNATURES, ERRC, CATEGORY)                               \
  /** The `std::error_code` of an enumerator (found by argument-dependent lookup). */         \
  inline std::error_code make_error_code(ERRC e) noexcept {                                   \
    return {static_cast<int>(e), CATEGORY()};                                                 \
  }                                                                                           \
  /** The entry behind an enumerator: a binary search over the values, O(log n). */           \
  inline const ::errcat::entry& entry_of(ERRC e) noexcept {                                   \
    return *CATALOG.find_errc_value(static_cast<int>(e));                                     \
  }                                                                                           \
  /** Makes the error documented as `code`; see `errcat::make`. */                            \
  inline ::errcat::error make(std::string_view code,                                          \
                              std::initializer_list<::errcat::named_arg> args = {}) {         \
    return ::errcat::make(CATALOG, code, args);                                               \
  }                                                                                           \
  /** Makes the error documented as `code` under `status`. */                                 \
  inline ::errcat::error make(int status, std::string_view code,                              \
                              std::initializer_list<::errcat::named_arg> args = {}) {         \
    return ::errcat::make(CATALOG, status, code, args);                                       \
  }                                                                                           \
  /** Makes the error of an enumerator. */                                                    \
  inline ::errcat::error make(ERRC e, std::initializer_list<::errcat::named_arg> args = {}) { \
    return ::errcat::make(entry_of(e), args);                                                 \
  }                                                                                           \
  /** Compile-time checked `make<"CODE">(args...)`. */                                        \
  template <::errcat::fixed_string Code, class... Args>                                       \
  ::errcat::error make(const Args&... args) {                                                 \
    return ::errcat::make_checked<CATALOG, SIGNATURES, Code>(args...);                        \
  }                                                                                           \
  /** Compile-time checked `make<errc::name>(args...)`. */                                    \
  template <ERRC E, class... Args>                                                            \
  ::errcat::error make(const Args&... args) {                                                 \
    return ::errcat::make_checked_errc<CATALOG, SIGNATURES, static_cast<int>(E)>(args...);    \
  }

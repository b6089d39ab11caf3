// The layout of a generated constant table (errcat/constant_table.hpp): what errcat-gen
// writes into `<service>_table.hpp` and the constexpr reader decodes. Shared by both, so
// the two cannot disagree; includes nothing but <cstddef> and errcat/limits.hpp, so the
// generator can use it for free.
//
// GCC 12 spends 1 to 3 KB of memory on every element of a constexpr array of class type,
// and about one byte per character of a string literal. So the table is string literals
// only: the texts, stored once each in one pool, and fixed-width records of base-64
// digits (`0-9A-Za-z-_`, most significant first) that refer to them:
//
//   entries   per entry, in documented order: status, code, name, message, description,
//             remediation (each text an offset and a size in the pool), first parameter and
//             count, first segment and count, errc value (+ 2^31), retry class
//   params    per parameter: name, kind (0 string, 1 integer)
//   segments  per segment: text, parameter index + 1 (0: literal text)
//   keys      per distinct code, in the perfect hash's key order: code, position of its
//             first entry index in `by_code`, how many entries share it
//   by_code   entry indices grouped by code, documented order within a code
//   by_errc_value  entry indices in order of errc value
//   slots     per slot of the perfect hash: the key there (`empty_slot`: none)
//   displacements  per bucket of a two-level hash: its displacement
//   aliases   per alias: prefix, canonical prefix
#pragma once

#include <cstddef>

#include "errcat/limits.hpp"

namespace errcat::detail::table_layout {

/// The base-64 digits, by value.
inline constexpr char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// The value of one digit.
constexpr std::size_t digit_value(char c) noexcept {
  if (c >= '0' && c <= '9') return static_cast<std::size_t>(c - '0');
  if (c >= 'A' && c <= 'Z') return static_cast<std::size_t>(c - 'A') + 10;
  if (c >= 'a' && c <= 'z') return static_cast<std::size_t>(c - 'a') + 36;
  return c == '-' ? 62 : 63;
}

/// The largest value `n` digits hold.
constexpr std::size_t max_value(std::size_t n) noexcept {
  return (std::size_t{1} << (6 * n)) - 1;
}

/// Digits of a text's offset in the pool (30 bits: a pool of up to 1 GiB).
inline constexpr std::size_t text_offset_digits = 5;
/// Digits of a text's size (24 bits: one text of up to 16 MiB).
inline constexpr std::size_t text_size_digits = 4;
/// Digits of a text: offset, then size.
inline constexpr std::size_t text_digits = text_offset_digits + text_size_digits;
/// Digits of an HTTP status.
inline constexpr std::size_t status_digits = 2;
/// Digits of an entry index, a key index and a position in `by_code` (18 bits).
inline constexpr std::size_t index_digits = 3;
/// Digits of an entry's first parameter and first segment (24 bits).
inline constexpr std::size_t first_digits = 4;
/// Digits of an entry's parameter count.
inline constexpr std::size_t param_count_digits = 1;
/// Digits of an entry's segment count (18 bits).
inline constexpr std::size_t segment_count_digits = 3;
/// Digits of an errc value plus `errc_value_bias` (36 bits: every `int`).
inline constexpr std::size_t errc_value_digits = 6;
/// Added to an errc value before it is written, so that negative values have digits.
inline constexpr long long errc_value_bias = 1LL << 31;
/// Digits of a displacement of a two-level hash (36 bits: every `std::uint32_t`).
inline constexpr std::size_t displacement_digits = 6;

// Where each field of an entry record starts.
inline constexpr std::size_t entry_status = 0;
inline constexpr std::size_t entry_code = entry_status + status_digits;
inline constexpr std::size_t entry_name = entry_code + text_digits;
inline constexpr std::size_t entry_message = entry_name + text_digits;
inline constexpr std::size_t entry_description = entry_message + text_digits;
inline constexpr std::size_t entry_remediation = entry_description + text_digits;
inline constexpr std::size_t entry_first_param = entry_remediation + text_digits;
inline constexpr std::size_t entry_param_count = entry_first_param + first_digits;
inline constexpr std::size_t entry_first_segment = entry_param_count + param_count_digits;
inline constexpr std::size_t entry_segment_count = entry_first_segment + first_digits;
inline constexpr std::size_t entry_errc_value = entry_segment_count + segment_count_digits;
inline constexpr std::size_t entry_retry = entry_errc_value + errc_value_digits;
/// Digits of one entry record.
inline constexpr std::size_t entry_digits = entry_retry + 1;

/// Digits of one parameter record: name, kind.
inline constexpr std::size_t param_digits = text_digits + 1;
/// Digits of one segment record: text, parameter index + 1.
inline constexpr std::size_t segment_digits = text_digits + 1;
/// Digits of one key record: code, first position in `by_code`, entry count.
inline constexpr std::size_t key_digits = text_digits + 2 * index_digits;
/// Digits of one alias record: prefix, canonical prefix.
inline constexpr std::size_t alias_digits = 2 * text_digits;

static_assert(max_params < 64 - 1, "a parameter count, and an index + 1, is one digit");
static_assert(max_entries < (std::size_t{1} << (6 * index_digits)) - 1 &&
                  empty_slot <= (std::size_t{1} << (6 * index_digits)) - 1,
              "entry and key indices, and the empty slot, fit index_digits");

}  // namespace errcat::detail::table_layout

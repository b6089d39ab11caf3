// errcat::error: a typed error value: a catalog entry (or an unknown code) with its
// rendered message, parameter values and what the response carried.
//
// An error is made by a catalog (`make<"CODE">(...)`, `make(code, {...})`, see make.hpp)
// or read from a response (`parse_response`, json.hpp), and is then only read: its entry
// gives the documented name, description and remediation; `message()` and `args()` the
// rendered text and the values that filled it; `error_code()` the std::error_code.
//
//   const errcat::error err = errcat::iam::make<"IAM.0004">("user", 42);
//   err.message();               // "Could not find user: 42."
//   err.value_of("target_id");   // "42"
//   err.error_code() == errcat::http_status::not_found;  // true
//
// Cost: made from an entry, an error is one allocation holding the message and the values
// (none for an unfilled template); copies share it by reference count (no allocation,
// thread-safe), and every reader is O(1) except value_of(), O(number of values). What a
// response adds (request id, ...) is a second allocation, made only when it is set.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <system_error>

#include "errcat/entry.hpp"
// Included rather than declared: whoever has an error can write
// `err.error_code() == errcat::http_status::not_found`.
#include "errcat/http_status.hpp"
#include "errcat/match_kind.hpp"
#include "errcat/param_value.hpp"
#include "errcat/request_id.hpp"
#include "errcat/retry.hpp"

namespace errcat {

namespace detail {

// The one block an error made from an entry holds, so making one costs one allocation:
//
//   [ error_block | argument[arg_count] | message chars | value chars ]
//
// The arguments' names view the catalog's static data; their values view the characters
// in this block (the message's, where a value was inserted verbatim, or the value
// characters after it). Immutable once written, so copies of an error share it by
// reference count and readers never lock. Creating, counting and freeing live in the
// compiled library (src/error.cpp): that keeps <atomic> and the allocation code out of
// every translation unit that includes this header.
class error_block {
 public:
  error_block(const error_block&) = delete;
  error_block& operator=(const error_block&) = delete;

  // A block with room for a message of `message_size` bytes, `arg_count` arguments and
  // `values_size` more bytes of values, with a count of one. The caller writes the contents
  // through the *_data() functions before sharing it. Throws std::bad_alloc.
  static error_block* create(std::size_t message_size, std::size_t arg_count,
                             std::size_t values_size);

  argument* args_data() noexcept { return reinterpret_cast<argument*>(this + 1); }
  char* message_data() noexcept { return reinterpret_cast<char*>(args_data() + arg_count_); }
  char* values_data() noexcept { return message_data() + message_size_; }

  std::string_view message() const noexcept {
    return {reinterpret_cast<const char*>(reinterpret_cast<const argument*>(this + 1) + arg_count_),
            message_size_};
  }
  // Out of line (src/error.cpp), as is error::args(): constructing a span compiles the
  // ranges concepts behind its constructors in every includer.
  std::span<const argument> args() const noexcept;

 private:
  friend void retain(error_block* b) noexcept;
  friend void release(error_block* b) noexcept;

  error_block(std::size_t message_size, std::size_t arg_count) noexcept
      : message_size_(message_size), arg_count_(arg_count) {}
  ~error_block() = default;

  std::size_t refs_ = 1;  // only ever accessed atomically (std::atomic_ref, src/error.cpp)
  std::size_t message_size_;
  std::size_t arg_count_;
};
static_assert(sizeof(error_block) % alignof(argument) == 0 &&
                  alignof(error_block) >= alignof(argument),
              "the arguments follow the header without padding");

// Adds a holder of `b` (relaxed: the holder it copies from keeps the block alive).
void retain(error_block* b) noexcept;
// Drops a holder of `b`, freeing the block after its last holder's reads.
void release(error_block* b) noexcept;

// What only a received response tells (or a later setter adds): kept apart from the
// message block and allocated only when something is set, so that made errors never pay
// for it. Defined in src/error.cpp; to add a fact, add a member there and a reader and a
// setter to `error`.
struct response_facts;
void retain(response_facts* f) noexcept;
void release(response_facts* f) noexcept;

// A counted reference to a `T` shared by copies of an error: what std::shared_ptr would
// do, without <memory> and <atomic>, which alone were a fifth of the compile time errcat
// added to a translation unit. `retain(T*)` and `release(T*)` keep the count.
template <class T>
class counted_ref {
 public:
  counted_ref() noexcept = default;
  // Takes over the count of one `p` was created with.
  explicit counted_ref(T* p) noexcept : p_(p) {}
  counted_ref(const counted_ref& o) noexcept : p_(o.p_) {
    if (p_ != nullptr) retain(p_);
  }
  counted_ref(counted_ref&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  counted_ref& operator=(counted_ref o) noexcept {
    T* t = p_;
    p_ = o.p_;
    o.p_ = t;
    return *this;
  }
  ~counted_ref() {
    if (p_ != nullptr) release(p_);
  }

  T* get() const noexcept { return p_; }
  T* operator->() const noexcept { return p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }

 private:
  T* p_ = nullptr;
};

/// A counted reference to an error_block.
using error_block_ref = counted_ref<error_block>;

}  // namespace detail

/// An error as a value: which documented error it is (`entry()`), the HTTP status it came
/// with, its code and rendered message, the parameter values that filled the message, and
/// the request id and other data a response carried. An error whose code the catalog does
/// not know keeps its status, code and message exactly, with a null `entry()`.
///
/// Storage: the rendered message and the parameter values live in one block allocated
/// when the error is made (none at all for an entry's unfilled template); what a response
/// adds (request id, a differently spelled code, ...) lives in a second block allocated
/// only when set. Copies share both blocks by reference count, so errors are cheap to
/// copy, move and return, and may be read from several threads; setters copy the second
/// block first when another error shares it. Two errors compare equal when their status
/// and code are equal.
class error {
 public:
  /// The empty error: no entry, status 0, empty code and message; `error_code()` is the
  /// success value.
  error() noexcept = default;

  /// The error documented by `e`, with its template as the message (nothing filled in).
  /// Allocates nothing.
  explicit error(const errcat::entry& e) noexcept : entry_(&e), status_(e.status) {}

  /// The error documented by `e` with a rendered `message` and the values that filled it
  /// (`args`, in parameter order; names must view static data such as `e.params`).
  /// Copies the message and values into one block: one allocation, none when the message
  /// is the template and there are no values. Throws std::bad_alloc.
  error(const errcat::entry& e, std::string_view message, std::span<const argument> args);

  /// An error that no catalog entry describes: kept exactly as received. Allocates the
  /// message block and the block of response facts (which holds the code); throws
  /// std::bad_alloc.
  error(int status, std::string_view code, std::string_view message);

  /// The error documented by `e` with a block the caller filled (errcat's own make()
  /// writes the message and values straight into it). Not for general use.
  error(const errcat::entry& e, detail::error_block_ref block) noexcept
      : entry_(&e), status_(e.status), block_(static_cast<detail::error_block_ref&&>(block)) {}

  /// The documented entry, or nullptr for a code the catalog does not know.
  const errcat::entry* entry() const noexcept { return entry_; }
  /// True when `entry()` is not null.
  bool known() const noexcept { return entry_ != nullptr; }
  /// The HTTP status: the one received for a parsed response (which may differ from the
  /// documented one, see `status_mismatch()`), else the documented one.
  int status() const noexcept { return status_; }
  /// True when a status was received (not 0, "unknown") and differs from the status the
  /// entry is documented under.
  bool status_mismatch() const noexcept {
    return entry_ != nullptr && status_ != 0 && entry_->status != status_;
  }
  /// The error code as received or made (`IAM.0004`; `APIGW.0301` stays as spelled).
  std::string_view code() const noexcept {
    if (facts_) return facts_code();
    return entry_ != nullptr ? entry_->code : std::string_view();
  }
  /// The entry's curated name (`resource_not_found`), or empty for an unknown code.
  std::string_view name() const noexcept {
    return entry_ != nullptr ? entry_->name : std::string_view();
  }
  /// The message with its parameters filled in (or as received). O(1).
  std::string_view message() const noexcept {
    if (block_) return block_->message();
    return entry_ != nullptr ? entry_->message : std::string_view();
  }
  /// The documented description, or empty for an unknown code.
  std::string_view description() const noexcept {
    return entry_ != nullptr ? entry_->description : std::string_view();
  }
  /// The documented remediation, or empty for an unknown code.
  std::string_view remediation() const noexcept {
    return entry_ != nullptr ? entry_->remediation : std::string_view();
  }
  /// The parameter values, in the entry's parameter order (only those that were given).
  /// Each value views this error's data: valid while this error or a copy of it lives.
  std::span<const argument> args() const noexcept;
  /// The value of parameter `name`, if it was given. O(number of values). Compiled in the
  /// library, so that only its callers instantiate `std::optional<std::string_view>`.
  std::optional<std::string_view> value_of(std::string_view name) const noexcept;
  /// The request id: the one `set_request_id` set, else the first of `request_ids()` in
  /// the order of `request_id_source` (the body's `request_id`, then the headers
  /// `X-Request-Id`, `X-IAM-Trace-Id`, `X-Openstack-Request-Id`); empty when there is none.
  /// O(number of ids).
  std::string_view request_id() const noexcept;
  /// Every request id the response carried, with where it travelled, in the order read
  /// (the body first, then the headers as they came); at most `max_request_ids`.
  std::span<const received_request_id> request_ids() const noexcept;
  /// How many request ids an error keeps; a response with more keeps the first ones.
  static constexpr std::size_t max_request_ids = 8;
  /// How the entry was found when this error was read from a response (`none` when no
  /// entry was); `exact` for an error made from an entry, `none` for an unknown one.
  match_kind match() const noexcept;
  /// The code exactly as the response carried it (`Iam.0004`, `apigw.0302`), or empty when
  /// the response carried no code (found by message, unknown, or made, not received).
  std::string_view code_on_wire() const noexcept;
  /// Whether and when a repeated request may succeed: what the response said when this
  /// error was read from one (`set_retry`), else the entry's documented class, else the
  /// class the status implies; with no delay unless the response gave one.
  retry_advice retry() const noexcept;
  /// The `encoded_authorization_message` a response carried, or empty.
  std::string_view encoded_authorization_message() const noexcept;
  /// For a response whose body could not be read as an error, the body text (bounded).
  std::string_view raw_body() const noexcept;

  // The setters allocate (or unshare) the block of response facts, and throw
  // std::bad_alloc, leaving the error unchanged, when that fails.

  /// Sets the request id.
  error& set_request_id(std::string_view id);
  /// Adds a request id the response carried; ignored past `max_request_ids`.
  error& add_request_id(request_id_source source, std::string_view id);
  /// Sets how the entry was found.
  error& set_match(match_kind m);
  /// Sets the code as the response spelled it and marks it as received.
  error& set_code_on_wire(std::string_view code);
  /// Sets the retry advice read from a response.
  error& set_retry(const retry_advice& r);
  /// Sets the encoded authorization message.
  error& set_encoded_authorization_message(std::string_view m);
  /// Sets the raw body text kept for an unreadable response.
  error& set_raw_body(std::string_view body);
  /// Sets the received HTTP status (the entry keeps its documented one). Allocates nothing.
  error& set_status(int status) noexcept {
    status_ = status;
    return *this;
  }
  /// Sets the code as spelled on the wire, when it differs from the entry's (nothing
  /// allocated when the code is already `code`).
  error& set_code(std::string_view code);

  /// The `std::error_code`: the entry's catalog category and `errc` value, or for an
  /// unknown code the status in `errcat::http_category()`; the success value when empty.
  std::error_code error_code() const noexcept {
    if (entry_ != nullptr) return entry_->error_code();
    if (status_ == 0) return {};
    return {status_, http_category()};
  }

  /// Same status and code.
  friend bool operator==(const error& a, const error& b) noexcept {
    return a.status_ == b.status_ && a.code() == b.code();
  }

 private:
  // The facts, for writing: created if there are none, copied first if another error
  // shares them. May throw std::bad_alloc, leaving this unchanged.
  detail::response_facts& mutable_facts();
  // code() when there are response facts.
  std::string_view facts_code() const noexcept;

  const errcat::entry* entry_ = nullptr;
  int status_ = 0;
  detail::error_block_ref block_;
  detail::counted_ref<detail::response_facts> facts_;
};

}  // namespace errcat

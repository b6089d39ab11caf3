// errcat::error: a typed error value: a catalog entry (or an unknown code) with its
// rendered message, parameter values and what the response carried.
#pragma once

#include <atomic>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "errcat/entry.hpp"
// Included rather than declared: whoever has an error can write
// `err.error_code() == errcat::http_status::not_found`.
#include "errcat/http_status.hpp"
#include "errcat/param_value.hpp"

namespace errcat {

namespace detail {
// What an error holds beyond its entry and status.
struct error_fields {
  std::string code;     // set when it differs from the entry's (unknown code, alias)
  std::string message;  // set when it differs from the entry's template
  bool has_code = false;
  bool has_message = false;
  std::vector<argument> args;
  std::string request_id;
  std::string encoded_authorization_message;
  std::string raw_body;
};

// The fields with the count of errors sharing them.
struct error_state : error_fields {
  error_state() = default;
  explicit error_state(const error_fields& f) : error_fields(f) {}
  std::atomic<long> refs{1};
};

// Shared, immutable between copies (setters unshare first), so copying an error is a
// reference-count increment. What std::shared_ptr would do, without <memory>, which alone
// is a fifth of the compile time errcat adds to a translation unit.
class state_ref {
 public:
  state_ref() noexcept = default;
  state_ref(const state_ref& o) noexcept : p_(o.p_) {
    // Relaxed: a new holder only needs the state to stay alive, which the holder it
    // copies from guarantees.
    if (p_ != nullptr) p_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  state_ref(state_ref&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  state_ref& operator=(const state_ref& o) noexcept {
    state_ref copy(o);
    swap(copy);
    return *this;
  }
  state_ref& operator=(state_ref&& o) noexcept {
    state_ref taken(static_cast<state_ref&&>(o));
    swap(taken);
    return *this;
  }
  ~state_ref() { release(); }

  const error_fields* operator->() const noexcept { return p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }

  // The fields, for writing: created if there are none, copied first if another error
  // shares them. May throw std::bad_alloc, leaving this unchanged.
  error_fields& unique() {
    if (p_ == nullptr) {
      p_ = new error_state();
    } else if (p_->refs.load(std::memory_order_acquire) != 1) {
      // Acquire (above): when the count is 1 because another holder just let go, its
      // reads of the fields happen before the writes the caller is about to make.
      auto* copy = new error_state(static_cast<const error_fields&>(*p_));
      release();
      p_ = copy;
    }
    return *p_;
  }

 private:
  void swap(state_ref& o) noexcept {
    error_state* t = p_;
    p_ = o.p_;
    o.p_ = t;
  }
  void release() noexcept {
    // Acquire-release: the last holder deletes only after every other holder's reads.
    if (p_ != nullptr && p_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete p_;
  }

  error_state* p_ = nullptr;
};
}  // namespace detail

/// An error as a value: which documented error it is (`entry()`), the HTTP status it came
/// with, its code and rendered message, the parameter values that filled the message, and
/// the request id and other data a response carried. An error whose code the catalog does
/// not know keeps its status, code and message exactly, with a null `entry()`.
///
/// Copying shares the (immutable) data, so errors are cheap to copy, move and return. Two
/// errors compare equal when their status and code are equal.
class error {
 public:
  /// The empty error: no entry, status 0, empty code and message; `error_code()` is the
  /// success value.
  error() noexcept = default;

  /// The error documented by `e`, with its template as the message (nothing filled in).
  explicit error(const errcat::entry& e) noexcept : entry_(&e), status_(e.status) {}

  /// The error documented by `e` with a rendered `message` and the values that filled it.
  error(const errcat::entry& e, std::string message, std::vector<argument> args)
      : entry_(&e), status_(e.status) {
    detail::error_fields& s = state_.unique();
    s.message = std::move(message);
    s.has_message = s.message != e.message;
    s.args = std::move(args);
  }

  /// An error that no catalog entry describes: kept exactly as received.
  error(int status, std::string_view code, std::string_view message) : status_(status) {
    detail::error_fields& s = state_.unique();
    s.code.assign(code);
    s.has_code = true;
    s.message.assign(message);
    s.has_message = true;
  }

  /// The documented entry, or nullptr for a code the catalog does not know.
  const errcat::entry* entry() const noexcept { return entry_; }
  /// True when `entry()` is not null.
  bool known() const noexcept { return entry_ != nullptr; }
  /// The HTTP status: the one received for a parsed response (which may differ from the
  /// documented one, see `status_mismatch()`), else the documented one.
  int status() const noexcept { return status_; }
  /// True when the status differs from the status the entry is documented under.
  bool status_mismatch() const noexcept { return entry_ != nullptr && entry_->status != status_; }
  /// The error code as received or made (`IAM.0004`; `APIGW.0301` stays as spelled).
  std::string_view code() const noexcept {
    if (state_ && state_->has_code) return state_->code;
    return entry_ != nullptr ? entry_->code : std::string_view();
  }
  /// The entry's curated name (`resource_not_found`), or empty for an unknown code.
  std::string_view name() const noexcept {
    return entry_ != nullptr ? entry_->name : std::string_view();
  }
  /// The message with its parameters filled in (or as received).
  std::string_view message() const noexcept {
    if (state_ && state_->has_message) return state_->message;
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
  std::span<const argument> args() const noexcept {
    if (!state_) return {};
    return state_->args;
  }
  /// The value of parameter `name`, if it was given.
  std::optional<std::string_view> value_of(std::string_view name) const noexcept {
    for (const argument& a : args()) {
      if (a.name == name) return std::string_view(a.value);
    }
    return std::nullopt;
  }
  /// The request id (`request_id` in the body or the `X-Request-Id` header), or empty.
  std::string_view request_id() const noexcept {
    return state_ ? std::string_view(state_->request_id) : std::string_view();
  }
  /// The `encoded_authorization_message` a response carried, or empty.
  std::string_view encoded_authorization_message() const noexcept {
    return state_ ? std::string_view(state_->encoded_authorization_message) : std::string_view();
  }
  /// For a response whose body could not be read as an error, the body text (bounded).
  std::string_view raw_body() const noexcept {
    return state_ ? std::string_view(state_->raw_body) : std::string_view();
  }

  /// Sets the request id.
  error& set_request_id(std::string_view id) {
    mutable_state().request_id.assign(id);
    return *this;
  }
  /// Sets the encoded authorization message.
  error& set_encoded_authorization_message(std::string_view m) {
    mutable_state().encoded_authorization_message.assign(m);
    return *this;
  }
  /// Sets the raw body text kept for an unreadable response.
  error& set_raw_body(std::string_view body) {
    mutable_state().raw_body.assign(body);
    return *this;
  }
  /// Sets the received HTTP status (the entry keeps its documented one).
  error& set_status(int status) noexcept {
    status_ = status;
    return *this;
  }
  /// Sets the code as spelled on the wire, when it differs from the entry's.
  error& set_code(std::string_view code) {
    if (code == this->code()) return *this;
    detail::error_fields& s = mutable_state();
    s.code.assign(code);
    s.has_code = true;
    return *this;
  }

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
  detail::error_fields& mutable_state() { return state_.unique(); }

  const errcat::entry* entry_ = nullptr;
  int status_ = 0;
  detail::state_ref state_;
};

}  // namespace errcat

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

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <span>
#include <string>
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
// reference count and readers never lock.
class error_block {
 public:
  error_block(const error_block&) = delete;
  error_block& operator=(const error_block&) = delete;

  // A block with room for a message of `message_size` bytes, `arg_count` arguments and
  // `values_size` more bytes of values, with a count of one. The caller writes the contents
  // through the *_data() functions before sharing it. Throws std::bad_alloc.
  static error_block* create(std::size_t message_size, std::size_t arg_count,
                             std::size_t values_size) {
    const std::size_t total =
        sizeof(error_block) + arg_count * sizeof(argument) + message_size + values_size;
    auto* b = ::new (::operator new(total)) error_block(message_size, arg_count);
    argument* a = b->args_data();
    for (std::size_t i = 0; i < arg_count; ++i)
      ::new (static_cast<void*>(a + i)) argument();
    return b;
  }

  argument* args_data() noexcept { return reinterpret_cast<argument*>(this + 1); }
  char* message_data() noexcept { return reinterpret_cast<char*>(args_data() + arg_count_); }
  char* values_data() noexcept { return message_data() + message_size_; }

  std::string_view message() const noexcept {
    return {reinterpret_cast<const char*>(args().data() + arg_count_), message_size_};
  }
  std::span<const argument> args() const noexcept {
    return {reinterpret_cast<const argument*>(this + 1), arg_count_};
  }

  void retain() noexcept {
    // Relaxed: a new holder only needs the block to stay alive, which the holder it copies
    // from guarantees.
    refs_.fetch_add(1, std::memory_order_relaxed);
  }
  void release() noexcept {
    // A sole holder (the common case: an error made, read and dropped) frees without a
    // read-modify-write: nobody else can add a holder, as that needs a reference. Acquire
    // (load) and acquire-release (fetch_sub): the last holder frees only after every other
    // holder's reads.
    if (refs_.load(std::memory_order_acquire) == 1 ||
        refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      this->~error_block();
      ::operator delete(static_cast<void*>(this));
    }
  }

 private:
  error_block(std::size_t message_size, std::size_t arg_count) noexcept
      : message_size_(message_size), arg_count_(arg_count) {}
  ~error_block() = default;

  std::atomic<std::size_t> refs_{1};
  std::size_t message_size_;
  std::size_t arg_count_;
};
static_assert(sizeof(error_block) % alignof(argument) == 0 &&
                  alignof(error_block) >= alignof(argument),
              "the arguments follow the header without padding");

// A counted reference to an error_block (what std::shared_ptr would do, without <memory>,
// which alone was a fifth of the compile time errcat adds to a translation unit).
class error_block_ref {
 public:
  error_block_ref() noexcept = default;
  // Takes over the count of one `b` was created with.
  explicit error_block_ref(error_block* b) noexcept : p_(b) {}
  error_block_ref(const error_block_ref& o) noexcept : p_(o.p_) {
    if (p_ != nullptr) p_->retain();
  }
  error_block_ref(error_block_ref&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  error_block_ref& operator=(error_block_ref o) noexcept {
    error_block* t = p_;
    p_ = o.p_;
    o.p_ = t;
    return *this;
  }
  ~error_block_ref() {
    if (p_ != nullptr) p_->release();
  }

  error_block* get() const noexcept { return p_; }
  error_block* operator->() const noexcept { return p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }

 private:
  error_block* p_ = nullptr;
};

// What only a received response tells (or a later setter adds): kept apart from the
// message block and allocated only when something is set, so that made errors never pay
// for it.
//
// To add a fact: add a member here (with a default), a reader and a setter to `error`
// (setters write through `error::mutable_facts()`, which allocates the block or unshares
// it), and nothing else: copying, sharing and release need no change.
struct response_facts {
  std::string code;  // the code as spelled, when it differs from the entry's (has_code)
  bool has_code = false;
  std::string request_id;
  std::string encoded_authorization_message;
  std::string raw_body;
  match_kind match = match_kind::none;  // how a parsed response's entry was found
  bool code_received = false;           // the response carried a code (code_on_wire)
  bool has_retry = false;               // retry was set from a response
  retry_advice retry;
  std::uint8_t request_id_count = 0;
  std::array<received_request_id, 8> request_ids;  // in the order received (error::max_request_ids)
};

// A shared, copy-on-write T: copies share it; unique() copies it first when shared.
template <class T>
class shared_facts {
  struct node : T {
    node() = default;
    explicit node(const T& t) : T(t) {}
    std::atomic<long> refs{1};
  };

 public:
  shared_facts() noexcept = default;
  shared_facts(const shared_facts& o) noexcept : p_(o.p_) {
    if (p_ != nullptr) p_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  shared_facts(shared_facts&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  shared_facts& operator=(shared_facts o) noexcept {
    node* t = p_;
    p_ = o.p_;
    o.p_ = t;
    return *this;
  }
  ~shared_facts() { release(); }

  const T* get() const noexcept { return p_; }

  // The facts, for writing: created if there are none, copied first if another error
  // shares them. May throw std::bad_alloc, leaving this unchanged.
  T& unique() {
    if (p_ == nullptr) {
      p_ = new node();
    } else if (p_->refs.load(std::memory_order_acquire) != 1) {
      // Acquire (above): when the count is 1 because another holder just let go, its
      // reads happen before the writes the caller is about to make.
      auto* copy = new node(static_cast<const T&>(*p_));
      release();
      p_ = copy;
    }
    return *p_;
  }

 private:
  void release() noexcept {
    // As error_block::release(): a sole holder frees without a read-modify-write.
    if (p_ != nullptr && (p_->refs.load(std::memory_order_acquire) == 1 ||
                          p_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1)) {
      delete p_;
    }
  }

  node* p_ = nullptr;
};

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
  error(const errcat::entry& e, std::string_view message, std::span<const argument> args)
      : entry_(&e), status_(e.status) {
    if (args.empty() && message == e.message) return;
    std::size_t values_size = 0;
    for (const argument& a : args)
      values_size += a.value.size();
    block_ = detail::error_block_ref(
        detail::error_block::create(message.size(), args.size(), values_size));
    char* out = block_->message_data();
    copy_chars(out, message);
    out = block_->values_data();
    argument* kept = block_->args_data();
    for (const argument& a : args) {
      *kept++ = {a.name, a.kind, std::string_view(out, a.value.size())};
      out = copy_chars(out, a.value);
    }
  }

  /// An error that no catalog entry describes: kept exactly as received. Allocates the
  /// message block and the block of response facts (which holds the code); throws
  /// std::bad_alloc.
  error(int status, std::string_view code, std::string_view message) : status_(status) {
    block_ = detail::error_block_ref(detail::error_block::create(message.size(), 0, 0));
    copy_chars(block_->message_data(), message);
    detail::response_facts& f = facts_.unique();
    f.code.assign(code);
    f.has_code = true;
  }

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
    if (const detail::response_facts* f = facts_.get(); f != nullptr && f->has_code) return f->code;
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
  std::span<const argument> args() const noexcept {
    if (!block_) return {};
    return block_->args();
  }
  /// The value of parameter `name`, if it was given. O(number of values).
  std::optional<std::string_view> value_of(std::string_view name) const noexcept {
    for (const argument& a : args()) {
      if (a.name == name) return a.value;
    }
    return std::nullopt;
  }
  /// The request id: the one `set_request_id` set, else the first of `request_ids()` in
  /// the order of `request_id_source` (the body's `request_id`, then the headers
  /// `X-Request-Id`, `X-IAM-Trace-Id`, `X-Openstack-Request-Id`); empty when there is none.
  /// O(number of ids).
  std::string_view request_id() const noexcept {
    const detail::response_facts* f = facts_.get();
    if (f == nullptr) return {};
    if (!f->request_id.empty()) return f->request_id;
    const received_request_id* best = nullptr;
    for (const received_request_id& r : request_ids()) {
      if (best == nullptr || r.source < best->source) best = &r;
    }
    return best != nullptr ? std::string_view(best->id) : std::string_view();
  }
  /// Every request id the response carried, with where it travelled, in the order read
  /// (the body first, then the headers as they came); at most `max_request_ids`.
  std::span<const received_request_id> request_ids() const noexcept {
    const detail::response_facts* f = facts_.get();
    if (f == nullptr) return {};
    return {f->request_ids.data(), f->request_id_count};
  }
  /// How many request ids an error keeps; a response with more keeps the first ones.
  static constexpr std::size_t max_request_ids =
      std::tuple_size_v<decltype(detail::response_facts::request_ids)>;
  /// How the entry was found when this error was read from a response (`none` when no
  /// entry was); `exact` for an error made from an entry, `none` for an unknown one.
  match_kind match() const noexcept {
    if (const detail::response_facts* f = facts_.get();
        f != nullptr && f->match != match_kind::none)
      return f->match;
    return entry_ != nullptr ? match_kind::exact : match_kind::none;
  }
  /// The code exactly as the response carried it (`Iam.0004`, `apigw.0302`), or empty when
  /// the response carried no code (found by message, unknown, or made, not received).
  std::string_view code_on_wire() const noexcept {
    const detail::response_facts* f = facts_.get();
    return f != nullptr && f->code_received ? code() : std::string_view();
  }
  /// Whether and when a repeated request may succeed: what the response said when this
  /// error was read from one (`set_retry`), else the entry's documented class, else the
  /// class the status implies; with no delay unless the response gave one.
  retry_advice retry() const noexcept {
    if (const detail::response_facts* f = facts_.get(); f != nullptr && f->has_retry)
      return f->retry;
    return {entry_ != nullptr ? entry_->retry : retry_class_for_status(status_), std::nullopt};
  }
  /// The `encoded_authorization_message` a response carried, or empty.
  std::string_view encoded_authorization_message() const noexcept {
    return facts_.get() != nullptr ? std::string_view(facts_.get()->encoded_authorization_message)
                                   : std::string_view();
  }
  /// For a response whose body could not be read as an error, the body text (bounded).
  std::string_view raw_body() const noexcept {
    return facts_.get() != nullptr ? std::string_view(facts_.get()->raw_body) : std::string_view();
  }

  /// Sets the request id. Allocates (or unshares) the response facts; throws
  /// std::bad_alloc, leaving the error unchanged.
  error& set_request_id(std::string_view id) {
    mutable_facts().request_id.assign(id);
    return *this;
  }
  /// Adds a request id the response carried (allocation as `set_request_id`); ignored past
  /// `max_request_ids`.
  error& add_request_id(request_id_source source, std::string_view id) {
    detail::response_facts& f = mutable_facts();
    if (f.request_id_count < max_request_ids)
      f.request_ids[f.request_id_count++] = {source, std::string(id)};
    return *this;
  }
  /// Sets how the entry was found (allocation as `set_request_id`).
  error& set_match(match_kind m) {
    mutable_facts().match = m;
    return *this;
  }
  /// Sets the code as the response spelled it and marks it as received (allocation as
  /// `set_request_id`).
  error& set_code_on_wire(std::string_view code) {
    set_code(code);
    mutable_facts().code_received = true;
    return *this;
  }
  /// Sets the retry advice read from a response (allocation as `set_request_id`).
  error& set_retry(const retry_advice& r) {
    detail::response_facts& f = mutable_facts();
    f.retry = r;
    f.has_retry = true;
    return *this;
  }
  /// Sets the encoded authorization message (allocation as `set_request_id`).
  error& set_encoded_authorization_message(std::string_view m) {
    mutable_facts().encoded_authorization_message.assign(m);
    return *this;
  }
  /// Sets the raw body text kept for an unreadable response (allocation as `set_request_id`).
  error& set_raw_body(std::string_view body) {
    mutable_facts().raw_body.assign(body);
    return *this;
  }
  /// Sets the received HTTP status (the entry keeps its documented one).
  error& set_status(int status) noexcept {
    status_ = status;
    return *this;
  }
  /// Sets the code as spelled on the wire, when it differs from the entry's (allocation
  /// as `set_request_id`; none when the code is already `code`).
  error& set_code(std::string_view code) {
    if (code == this->code()) return *this;
    detail::response_facts& f = mutable_facts();
    f.code.assign(code);
    f.has_code = true;
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
  detail::response_facts& mutable_facts() { return facts_.unique(); }

  static char* copy_chars(char* out, std::string_view s) noexcept {
    std::char_traits<char>::copy(out, s.data(), s.size());
    return out + s.size();
  }

  const errcat::entry* entry_ = nullptr;
  int status_ = 0;
  detail::error_block_ref block_;
  detail::shared_facts<detail::response_facts> facts_;
};

}  // namespace errcat

// errcat::error's out-of-line half: the blocks' allocation and reference counts, the
// response facts and their readers and setters. Kept here, compiled once, so that a
// translation unit including error.hpp parses neither <atomic> nor the std::string
// members of the facts (issue 12: compile cost).
#include "errcat/error.hpp"

#include <array>
#include <atomic>
#include <new>
#include <string>

namespace errcat {
namespace detail {

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
  std::array<received_request_id, error::max_request_ids> request_ids;  // in the order received
  std::atomic<long> refs{1};

  response_facts() = default;
  // A copy to write to: every fact, with a count of one.
  response_facts(const response_facts& o)
      : code(o.code),
        has_code(o.has_code),
        request_id(o.request_id),
        encoded_authorization_message(o.encoded_authorization_message),
        raw_body(o.raw_body),
        match(o.match),
        code_received(o.code_received),
        has_retry(o.has_retry),
        retry(o.retry),
        request_id_count(o.request_id_count),
        request_ids(o.request_ids) {}
  response_facts& operator=(const response_facts&) = delete;
  ~response_facts() = default;
};

namespace {

// Whether a holder that sees a count of one is the only one: then nobody else can add a
// holder (that needs a reference), so it frees without a read-modify-write. Acquire (load)
// and acquire-release (fetch_sub): the last holder frees only after every other holder's
// reads.
template <class Count>
bool last_holder(Count& refs) noexcept {
  return refs.load(std::memory_order_acquire) == 1 ||
         refs.fetch_sub(1, std::memory_order_acq_rel) == 1;
}

char* copy_chars(char* out, std::string_view s) noexcept {
  std::char_traits<char>::copy(out, s.data(), s.size());
  return out + s.size();
}

}  // namespace

error_block* error_block::create(std::size_t message_size, std::size_t arg_count,
                                 std::size_t values_size) {
  const std::size_t total =
      sizeof(error_block) + arg_count * sizeof(argument) + message_size + values_size;
  auto* b = ::new (::operator new(total)) error_block(message_size, arg_count);
  argument* a = b->args_data();
  for (std::size_t i = 0; i < arg_count; ++i)
    ::new (static_cast<void*>(a + i)) argument();
  return b;
}

void retain(error_block* b) noexcept {
  std::atomic_ref<std::size_t>(b->refs_).fetch_add(1, std::memory_order_relaxed);
}

void release(error_block* b) noexcept {
  std::atomic_ref<std::size_t> refs(b->refs_);
  if (last_holder(refs)) {
    b->~error_block();
    ::operator delete(static_cast<void*>(b));
  }
}

void retain(response_facts* f) noexcept {
  f->refs.fetch_add(1, std::memory_order_relaxed);
}

void release(response_facts* f) noexcept {
  if (last_holder(f->refs)) delete f;
}

}  // namespace detail

error::error(const errcat::entry& e, std::string_view message, std::span<const argument> args)
    : entry_(&e), status_(e.status) {
  if (args.empty() && message == e.message) return;
  std::size_t values_size = 0;
  for (const argument& a : args)
    values_size += a.value.size();
  block_ = detail::error_block_ref(
      detail::error_block::create(message.size(), args.size(), values_size));
  detail::copy_chars(block_->message_data(), message);
  char* out = block_->values_data();
  argument* kept = block_->args_data();
  for (const argument& a : args) {
    *kept++ = {a.name, a.kind, std::string_view(out, a.value.size())};
    out = detail::copy_chars(out, a.value);
  }
}

error::error(int status, std::string_view code, std::string_view message) : status_(status) {
  block_ = detail::error_block_ref(detail::error_block::create(message.size(), 0, 0));
  detail::copy_chars(block_->message_data(), message);
  detail::response_facts& f = mutable_facts();
  f.code.assign(code);
  f.has_code = true;
}

detail::response_facts& error::mutable_facts() {
  detail::response_facts* f = facts_.get();
  if (f == nullptr) {
    facts_ = detail::counted_ref<detail::response_facts>(new detail::response_facts());
  } else if (f->refs.load(std::memory_order_acquire) != 1) {
    // Acquire (above): when the count is 1 because another holder just let go, its reads
    // happen before the writes the caller is about to make.
    facts_ = detail::counted_ref<detail::response_facts>(new detail::response_facts(*f));
  }
  return *facts_.get();
}

std::string_view error::facts_code() const noexcept {
  const detail::response_facts* f = facts_.get();
  if (f->has_code) return f->code;
  return entry_ != nullptr ? entry_->code : std::string_view();
}

std::span<const argument> detail::error_block::args() const noexcept {
  return {reinterpret_cast<const argument*>(this + 1), arg_count_};
}

std::span<const argument> error::args() const noexcept {
  if (!block_) return {};
  return block_->args();
}

std::optional<std::string_view> error::value_of(std::string_view name) const noexcept {
  for (const argument& a : args()) {
    if (a.name == name) return a.value;
  }
  return std::nullopt;
}

std::string_view error::request_id() const noexcept {
  const detail::response_facts* f = facts_.get();
  if (f == nullptr) return {};
  if (!f->request_id.empty()) return f->request_id;
  const received_request_id* best = nullptr;
  for (const received_request_id& r : request_ids()) {
    if (best == nullptr || r.source < best->source) best = &r;
  }
  return best != nullptr ? std::string_view(best->id) : std::string_view();
}

std::span<const received_request_id> error::request_ids() const noexcept {
  const detail::response_facts* f = facts_.get();
  if (f == nullptr) return {};
  return {f->request_ids.data(), f->request_id_count};
}

match_kind error::match() const noexcept {
  if (const detail::response_facts* f = facts_.get(); f != nullptr && f->match != match_kind::none)
    return f->match;
  return entry_ != nullptr ? match_kind::exact : match_kind::none;
}

std::string_view error::code_on_wire() const noexcept {
  const detail::response_facts* f = facts_.get();
  return f != nullptr && f->code_received ? code() : std::string_view();
}

retry_advice error::retry() const noexcept {
  if (const detail::response_facts* f = facts_.get(); f != nullptr && f->has_retry) return f->retry;
  return {entry_ != nullptr ? entry_->retry : retry_class_for_status(status_), std::nullopt};
}

std::string_view error::encoded_authorization_message() const noexcept {
  const detail::response_facts* f = facts_.get();
  return f != nullptr ? std::string_view(f->encoded_authorization_message) : std::string_view();
}

std::string_view error::raw_body() const noexcept {
  const detail::response_facts* f = facts_.get();
  return f != nullptr ? std::string_view(f->raw_body) : std::string_view();
}

error& error::set_request_id(std::string_view id) {
  mutable_facts().request_id.assign(id);
  return *this;
}

error& error::add_request_id(request_id_source source, std::string_view id) {
  detail::response_facts& f = mutable_facts();
  if (f.request_id_count < max_request_ids)
    f.request_ids[f.request_id_count++] = {source, std::string(id)};
  return *this;
}

error& error::set_match(match_kind m) {
  mutable_facts().match = m;
  return *this;
}

error& error::set_code_on_wire(std::string_view code) {
  set_code(code);
  mutable_facts().code_received = true;
  return *this;
}

error& error::set_retry(const retry_advice& r) {
  detail::response_facts& f = mutable_facts();
  f.retry = r;
  f.has_retry = true;
  return *this;
}

error& error::set_encoded_authorization_message(std::string_view m) {
  mutable_facts().encoded_authorization_message.assign(m);
  return *this;
}

error& error::set_raw_body(std::string_view body) {
  mutable_facts().raw_body.assign(body);
  return *this;
}

error& error::set_code(std::string_view code) {
  if (code == this->code()) return *this;
  detail::response_facts& f = mutable_facts();
  f.code.assign(code);
  f.has_code = true;
  return *this;
}

}  // namespace errcat

// Reverse matching: a template's literal segments are anchors; the text between them is
// the values. A backtracking search with a work budget proportional to the message keeps
// hostile input (megabytes of repeated delimiters) linear.
#include "errcat/match.hpp"

#include <array>
#include <cstddef>
#include <initializer_list>

#include "errcat/catalog.hpp"
#include "errcat/make.hpp"

namespace errcat {
namespace {

struct capture {
  std::size_t pos = 0;
  std::size_t size = 0;
  bool set = false;
};

using captures = std::array<capture, max_params>;

constexpr bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

class matcher {
 public:
  matcher(const entry& e, std::string_view message) noexcept
      : e_(e), msg_(message), budget_(64 * (message.size() + 64)) {}

  bool run(captures& caps) noexcept {
    if (e_.params.size() > max_params) return false;
    return step(0, 0, caps);
  }

 private:
  bool spend(std::size_t n) noexcept {
    if (n > budget_) {
      budget_ = 0;
      return false;
    }
    budget_ -= n;
    return true;
  }

  // Can segments [i, end) match msg_[pos, end)?
  bool step(std::size_t i, std::size_t pos, captures& caps) noexcept {
    if (!spend(1)) return false;
    const auto segs = e_.segments;
    if (i == segs.size()) return pos == msg_.size();
    const segment& s = segs[i];
    if (s.is_literal()) {
      if (!spend(s.text.size())) return false;
      if (msg_.substr(pos, s.text.size()) != s.text) return false;
      return step(i + 1, pos + s.text.size(), caps);
    }
    const auto slot = static_cast<std::size_t>(s.slot);
    if (slot >= e_.params.size()) return false;
    capture& c = caps[slot];
    if (c.set) {
      // A parameter used twice has one value: the second use must repeat it.
      if (!spend(c.size)) return false;
      if (msg_.substr(pos, c.size) != msg_.substr(c.pos, c.size)) return false;
      return step(i + 1, pos + c.size, caps);
    }
    std::size_t lo = pos;
    std::size_t hi = msg_.size();
    if (e_.params[slot].kind == param_kind::integer) {
      std::size_t q = pos;
      if (q < msg_.size() && msg_[q] == '-') ++q;
      const std::size_t digits_from = q;
      while (q < msg_.size() && is_digit(msg_[q]))
        ++q;
      if (q == digits_from) return false;
      if (!spend(q - pos)) return false;
      lo = digits_from + 1;
      hi = q;
    }
    c.set = true;
    c.pos = pos;
    const bool last = i + 1 == segs.size();
    const segment* next = last ? nullptr : &segs[i + 1];
    if (last) {
      c.size = msg_.size() - pos;
      if (c.size >= lo - pos && msg_.size() <= hi) return true;
    } else if (next->is_literal() && !next->text.empty()) {
      // Only ends where the next literal starts can work: jump between its occurrences.
      std::size_t q = lo;
      while (q <= hi) {
        const std::size_t f = msg_.find(next->text, q);
        if (f == std::string_view::npos || f > hi) {
          // A failed search read the rest of the message: charge it too, or repeating
          // it from every earlier split point is quadratic (megabytes of ": " for
          // "%(a)s: %(b)s.").
          spend(msg_.size() - q);
          break;
        }
        if (!spend(f - q + next->text.size())) break;
        c.size = f - pos;
        if (step(i + 1, f, caps)) return true;
        if (budget_ == 0) break;
        q = f + 1;
      }
    } else {
      for (std::size_t q = lo; q <= hi; ++q) {
        c.size = q - pos;
        if (step(i + 1, q, caps)) return true;
        if (budget_ == 0) break;
      }
    }
    c = capture{};
    return false;
  }

  const entry& e_;
  std::string_view msg_;
  std::size_t budget_;
};

std::size_t literal_size(const entry& e) noexcept {
  std::size_t n = 0;
  for (const segment& s : e.segments) {
    if (s.is_literal()) n += s.text.size();
  }
  return n;
}

bool fits(const entry& e, std::string_view message, captures& caps) noexcept {
  caps = captures{};
  return matcher(e, message).run(caps);
}

std::vector<argument> values(const entry& e, std::string_view message, const captures& caps) {
  // A value that is its own placeholder spelling was never filled in by the server.
  std::array<bool, max_params> unfilled{};
  for (const segment& s : e.segments) {
    if (s.is_literal()) continue;
    const auto slot = static_cast<std::size_t>(s.slot);
    const capture& c = caps[slot];
    if (message.substr(c.pos, c.size) == s.text) unfilled[slot] = true;
  }
  std::vector<argument> out;
  for (std::size_t i = 0; i < e.params.size(); ++i) {
    if (!caps[i].set || unfilled[i]) continue;
    // A view into `message`: the caller's text outlives the values (see match.hpp).
    out.push_back({e.params[i].name, e.params[i].kind, message.substr(caps[i].pos, caps[i].size)});
  }
  return out;
}

}  // namespace

std::optional<std::vector<argument>> match(const entry& e, std::string_view message) {
  captures caps;
  if (!fits(e, message, caps)) return std::nullopt;
  return values(e, message, caps);
}

match_result match(const catalog& c, int status, std::string_view code, std::string_view message) {
  match_result out;
  const entry_range same_status = c.find_all(status, code);
  const entry_range any_status = c.find_all(0, code);
  out.entry = same_status.empty() ? any_status.front() : same_status.front();
  if (out.entry == nullptr) return out;
  captures caps;
  // The message is better evidence than the status: when no entry under the received
  // status fits, one documented under another status that does is taken.
  const entry* best = nullptr;
  for (const entry_range& candidates : {same_status, any_status}) {
    std::size_t best_literal = 0;
    for (const entry& e : candidates) {
      const std::size_t lit = literal_size(e);
      if (best != nullptr && lit <= best_literal) continue;
      if (fits(e, message, caps)) {
        best = &e;
        best_literal = lit;
      }
    }
    if (best != nullptr) break;
  }
  if (best == nullptr) return out;
  out.entry = best;
  fits(*best, message, caps);
  out.args = values(*best, message, caps);
  return out;
}

match_result catalog::match(int status, std::string_view code, std::string_view message) const {
  return errcat::match(*this, status, code, message);
}

}  // namespace errcat

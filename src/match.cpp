// Reverse matching: a template's literal segments are anchors; the text between them is
// the values. A backtracking search with a work budget proportional to the message keeps
// hostile input (megabytes of repeated delimiters) linear.
//
// Tolerant matching runs the same search over a few variants of the template: whitespace
// collapsed and the final period dropped (on the message too), then one literal word
// dropped, or one extra word allowed between two literal words. Every variant is one
// linear pass, and there are at most a few dozen per template, so the work stays linear in
// the message.
#include "errcat/match.hpp"

#include <array>
#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "errcat/catalog.hpp"
#include "errcat/make.hpp"
#include "text.hpp"

namespace errcat {
namespace {

struct capture {
  std::size_t pos = 0;
  std::size_t size = 0;
  bool set = false;
};

// A parameter index past every parameter: one word that a tolerant variant lets the message
// carry where the template has none.
constexpr std::size_t word_param = max_params;

using captures = std::array<capture, max_params + 1>;

// What the matcher walks: an entry's segments, or a tolerant variant of them.
struct pattern {
  std::span<const segment> segments;
  std::span<const param> params;
};

constexpr bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

constexpr bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

constexpr bool is_letter(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

class matcher {
 public:
  matcher(pattern p, std::string_view message) noexcept
      : p_(p), msg_(message), budget_(64 * (message.size() + 64)) {}

  bool run(captures& caps) noexcept {
    if (p_.params.size() > max_params) return false;
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

  // The range of sizes [lo - pos, hi - pos] the text of parameter `index` may take from `pos`, or
  // false when none can work: an integer is an optional '-' and digits, an inserted word has no
  // space, any other value is any text.
  bool param_bounds(std::size_t index, std::size_t pos, std::size_t& lo, std::size_t& hi) noexcept {
    lo = pos;
    hi = msg_.size();
    const bool word = index == word_param;
    if (word || p_.params[index].kind == param_kind::integer) {
      std::size_t q = pos;
      if (!word && q < msg_.size() && msg_[q] == '-') ++q;
      const std::size_t from = q;
      while (q < msg_.size() && (word ? !is_space(msg_[q]) : is_digit(msg_[q])))
        ++q;
      if (q == from || !spend(q - pos)) return false;
      lo = from + 1;
      hi = q;
    }
    return true;
  }

  // Can segments [i, end) match msg_[pos, end)?
  bool step(std::size_t i, std::size_t pos, captures& caps) noexcept {
    if (!spend(1)) return false;
    const auto segs = p_.segments;
    if (i == segs.size()) return pos == msg_.size();
    const segment& s = segs[i];
    if (s.is_literal()) {
      if (!spend(s.text.size())) return false;
      if (msg_.substr(pos, s.text.size()) != s.text) return false;
      return step(i + 1, pos + s.text.size(), caps);
    }
    const auto index = static_cast<std::size_t>(s.param_index);
    if (index != word_param && index >= p_.params.size()) return false;
    capture& c = caps[index];
    if (c.set) {
      // A parameter used twice has one value: the second use must repeat it.
      if (!spend(c.size)) return false;
      if (msg_.substr(pos, c.size) != msg_.substr(c.pos, c.size)) return false;
      return step(i + 1, pos + c.size, caps);
    }
    std::size_t lo = 0;
    std::size_t hi = 0;
    if (!param_bounds(index, pos, lo, hi)) return false;
    c.set = true;
    c.pos = pos;
    if (try_ends(i, pos, lo, hi, c, caps)) return true;
    c = capture{};
    return false;
  }

  // Tries every end in [lo, hi] for the parameter `i` starting at `pos`, shortest first.
  bool try_ends(std::size_t i, std::size_t pos, std::size_t lo, std::size_t hi, capture& c,
                captures& caps) noexcept {
    const auto segs = p_.segments;
    if (i + 1 == segs.size()) {
      c.size = msg_.size() - pos;
      return c.size >= lo - pos && msg_.size() <= hi;
    }
    const segment& next = segs[i + 1];
    if (next.is_literal() && !next.text.empty()) {
      // Only ends where the next literal starts can work: jump between its occurrences.
      std::size_t q = lo;
      while (q <= hi) {
        const std::size_t f = msg_.find(next.text, q);
        if (f == std::string_view::npos || f > hi) {
          // A failed search read the rest of the message: charge it too, or repeating
          // it from every earlier split point is quadratic (megabytes of ": " for
          // "%(a)s: %(b)s.").
          spend(msg_.size() - q);
          return false;
        }
        if (!spend(f - q + next.text.size())) return false;
        c.size = f - pos;
        if (step(i + 1, f, caps)) return true;
        if (budget_ == 0) return false;
        q = f + 1;
      }
      return false;
    }
    for (std::size_t q = lo; q <= hi; ++q) {
      c.size = q - pos;
      if (step(i + 1, q, caps)) return true;
      if (budget_ == 0) return false;
    }
    return false;
  }

  pattern p_;
  std::string_view msg_;
  std::size_t budget_;
};

pattern pattern_of(const entry& e) noexcept {
  return {e.segments, e.params};
}

// The anchoring weight of literal text: its characters other than whitespace.
std::size_t anchor_size(std::string_view text) noexcept {
  std::size_t n = 0;
  for (char c : text) {
    if (!is_space(c)) ++n;
  }
  return n;
}

std::size_t anchor_size(std::span<const segment> segs) noexcept {
  std::size_t n = 0;
  for (const segment& s : segs) {
    if (s.is_literal()) n += anchor_size(s.text);
  }
  return n;
}

bool fits(pattern p, std::string_view message, captures& caps) noexcept {
  caps = captures{};
  return matcher(p, message).run(caps);
}

// The captured values, in parameter order. `text` is what was matched; `origin`, when not
// empty, maps each of its bytes to the original message, where values are cut from.
std::vector<argument> values(pattern p, std::string_view text, const captures& caps,
                             std::string_view original = {},
                             std::span<const std::size_t> origin = {}) {
  // A value that is its own placeholder spelling was never filled in by the server.
  std::array<bool, max_params> unfilled{};
  for (const segment& s : p.segments) {
    if (s.is_literal()) continue;
    const auto index = static_cast<std::size_t>(s.param_index);
    if (index >= p.params.size()) continue;
    const capture& c = caps[index];
    if (text.substr(c.pos, c.size) == s.text) unfilled[index] = true;
  }
  std::vector<argument> out;
  for (std::size_t i = 0; i < p.params.size(); ++i) {
    const capture& c = caps[i];
    if (!c.set || unfilled[i]) continue;
    std::string_view v = text.substr(c.pos, c.size);
    if (!origin.empty() && c.size > 0) {
      const std::size_t first = origin[c.pos];
      v = original.substr(first, origin[c.pos + c.size - 1] + 1 - first);
    }
    // Assigned, not constructed: the value is cut from the caller's message, whether
    // `argument` owns its text or views it.
    argument a;
    a.name = p.params[i].name;
    a.kind = p.params[i].kind;
    a.value = v;
    out.push_back(std::move(a));
  }
  return out;
}

// --- tolerant matching -----------------------------------------------------------------

// The message with whitespace runs as one space, the ends trimmed and one final period
// dropped; `origin[i]` is where byte i came from.
struct normal_text {
  std::string text;
  std::vector<std::size_t> origin;
};

normal_text normalise_message(std::string_view m) {
  normal_text n;
  n.text.reserve(m.size());
  n.origin.reserve(m.size());
  std::size_t space_at = std::string_view::npos;
  for (std::size_t i = 0; i < m.size(); ++i) {
    if (is_space(m[i])) {
      if (space_at == std::string_view::npos) space_at = i;
      continue;
    }
    if (space_at != std::string_view::npos && !n.text.empty()) {
      n.text.push_back(' ');
      n.origin.push_back(space_at);
    }
    space_at = std::string_view::npos;
    n.text.push_back(m[i]);
    n.origin.push_back(i);
  }
  if (!n.text.empty() && n.text.back() == '.') {
    n.text.pop_back();
    n.origin.pop_back();
  }
  return n;
}

// A template piece of a variant: literal text (owned) or a placeholder.
struct piece {
  std::string text;  // the literal, or the placeholder as spelled
  std::int16_t param_index = -1;
};

std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (is_space(c)) {
      if (out.empty() || out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The template as the normalised message is compared with: whitespace collapsed, the ends
// trimmed, the final period dropped, empty literals gone.
std::vector<piece> normalise_template(const entry& e) {
  std::vector<piece> out;
  for (const segment& s : e.segments) {
    if (s.is_literal()) {
      out.push_back({collapse_spaces(s.text), -1});
    } else {
      out.push_back({std::string(s.text), s.param_index});
    }
  }
  if (!out.empty() && out.front().param_index < 0) {
    std::string& t = out.front().text;
    if (!t.empty() && t.front() == ' ') t.erase(0, 1);
  }
  if (!out.empty() && out.back().param_index < 0) {
    std::string& t = out.back().text;
    if (!t.empty() && t.back() == ' ') t.pop_back();
    if (!t.empty() && t.back() == '.') t.pop_back();
    if (!t.empty() && t.back() == ' ') t.pop_back();
  }
  std::erase_if(out, [](const piece& p) { return p.param_index < 0 && p.text.empty(); });
  return out;
}

// A word of a literal piece: [begin, end) in pieces[index].text.
struct word_ref {
  std::size_t index = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The literal words that can drift: runs of non-spaces with a letter in them.
std::vector<word_ref> literal_words(const std::vector<piece>& pieces) {
  std::vector<word_ref> out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (pieces[i].param_index >= 0) continue;
    const std::string& t = pieces[i].text;
    std::size_t k = 0;
    while (k < t.size()) {
      while (k < t.size() && t[k] == ' ')
        ++k;
      const std::size_t b = k;
      bool letter = false;
      for (; k < t.size() && t[k] != ' '; ++k) {
        if (is_letter(t[k])) letter = true;
      }
      if (k > b && letter) out.push_back({i, b, k});
    }
  }
  return out;
}

// Below this many literal words left, a template is too short to match across a dropped
// or added word: "Backend timeout." must not be found in "Backend".
constexpr std::size_t min_anchor_words = 3;

// A fit of a tolerant variant: its anchoring weight and the values.
struct tolerant_fit {
  std::size_t score = 0;
  std::vector<argument> args;
};

class variant_matcher {
 public:
  // `relaxed`: let templates of fewer than `min_anchor_words` words drift too, down to
  // one word. Such a fit never names an entry; it only shows that another entry could
  // equally be meant.
  variant_matcher(const entry& e, std::string_view original, const normal_text& m, bool relaxed)
      : e_(e),
        original_(original),
        m_(m),
        base_(normalise_template(e)),
        min_words_(relaxed ? 1 : min_anchor_words) {}

  std::optional<tolerant_fit> run() {
    const std::vector<word_ref> words = literal_words(base_);
    const word_ref* missing_word = nullptr;
    const std::size_t missing = count_missing(words, missing_word);
    if (missing > 1) return std::nullopt;
    if (missing == 0) {
      if (auto f = attempt(base_)) return f;
      if (words.size() >= min_words_) {
        for (const word_ref& w : words) {
          if (auto f = attempt(with_word_after(w))) return f;
        }
        if (auto f = attempt(with_word_before(words.front()))) return f;
      }
    }
    if (words.size() <= min_words_) return std::nullopt;
    for (const word_ref& w : words) {
      if (missing_word != nullptr && word_text(w) != word_text(*missing_word)) continue;
      if (auto f = attempt(without(w))) return f;
    }
    return std::nullopt;
  }

 private:
  // How many of `words` the message lacks; `last` is set to the last one it lacks.
  std::size_t count_missing(const std::vector<word_ref>& words, const word_ref*& last) const {
    std::size_t missing = 0;
    for (const word_ref& w : words) {
      if (m_.text.find(word_text(w)) == std::string::npos) {
        ++missing;
        last = &w;
      }
    }
    return missing;
  }

  std::string_view word_text(const word_ref& w) const {
    return std::string_view(base_[w.index].text).substr(w.begin, w.end - w.begin);
  }

  // The template with `w` and one space beside it removed.
  std::vector<piece> without(const word_ref& w) const {
    std::vector<piece> v = base_;
    std::string& t = v[w.index].text;
    std::size_t b = w.begin;
    std::size_t n = w.end - w.begin;
    if (w.end < t.size()) {
      ++n;  // the space after it
    } else if (b > 0) {
      --b;  // the space before it
      ++n;
    }
    t.erase(b, n);
    if (t.empty()) v.erase(v.begin() + static_cast<std::ptrdiff_t>(w.index));
    return v;
  }

  // The template with room for one more word after `w` ("store X group").
  std::vector<piece> with_word_after(const word_ref& w) const {
    return split_at(w.index, w.end, true);
  }
  // The template with room for one more word before its first literal word.
  std::vector<piece> with_word_before(const word_ref& w) const {
    return split_at(w.index, w.begin, false);
  }

  std::vector<piece> split_at(std::size_t index, std::size_t at, bool after) const {
    std::vector<piece> v = base_;
    const std::string t = v[index].text;
    std::string left = t.substr(0, at);
    std::string right = t.substr(at);
    if (after) {
      left += ' ';
    } else {
      right.insert(0, 1, ' ');
    }
    v[index].text = std::move(left);
    const auto pos = v.begin() + static_cast<std::ptrdiff_t>(index) + 1;
    const auto inserted = v.insert(pos, piece{"", static_cast<std::int16_t>(word_param)});
    v.insert(inserted + 1, piece{std::move(right), -1});
    std::erase_if(v, [](const piece& p) { return p.param_index < 0 && p.text.empty(); });
    return v;
  }

  std::optional<tolerant_fit> attempt(const std::vector<piece>& pieces) const {
    std::vector<segment> segs;
    segs.reserve(pieces.size());
    for (const piece& p : pieces)
      segs.push_back({p.text, p.param_index});
    const pattern p{segs, e_.params};
    captures caps;
    if (!fits(p, m_.text, caps)) return std::nullopt;
    return tolerant_fit{anchor_size(segs), values(p, m_.text, caps, original_, m_.origin)};
  }

  const entry& e_;
  std::string_view original_;
  const normal_text& m_;
  std::vector<piece> base_;
  std::size_t min_words_;
};

std::optional<tolerant_fit> fit_tolerant(const entry& e, std::string_view message,
                                         const normal_text& normal, bool relaxed = false) {
  if (message.size() > max_tolerant_message || e.params.size() > max_params) return std::nullopt;
  return variant_matcher(e, message, normal, relaxed).run();
}

// Chooses among candidate entries by how much literal text anchors the message: an exact
// fit first, then a tolerant one that anchors strictly more; two entries tied for the best
// tolerant fit are ambiguous and neither is taken.
class chooser {
 public:
  explicit chooser(std::string_view message) : msg_(message) {}

  void offer_exact(const entry& e) {
    const std::size_t s = anchor_size(e.segments);
    if (exact_ != nullptr && s <= exact_score_) return;
    captures caps;
    if (!fits(pattern_of(e), msg_, caps)) return;
    exact_ = &e;
    exact_score_ = s;
  }

  void offer_tolerant(const entry& e) {
    const std::size_t most = anchor_size(e.segments);
    if ((exact_ != nullptr && most <= exact_score_) || (tolerant_ != nullptr && most < best_))
      return;
    if (msg_.size() > max_tolerant_message) return;
    if (!normal_) normal_ = normalise_message(msg_);
    auto f = fit_tolerant(e, msg_, *normal_);
    if (!f) {
      // "Invalid description" is IAM.1018 without its period, and equally 1117 ("Invalid
      // user description.") without a word: remember the second reading to refuse both.
      if (auto loose = fit_tolerant(e, msg_, *normal_, true)) {
        if (loose->score > rival_score_) rival_score_ = loose->score;
      }
      return;
    }
    if (exact_ != nullptr && f->score <= exact_score_) return;
    if (tolerant_ == nullptr || f->score > best_) {
      tolerant_ = &e;
      best_ = f->score;
      args_ = std::move(f->args);
      tied_ = false;
    } else if (f->score == best_ && tolerant_ != &e) {
      tied_ = true;
    }
  }

  match_result result() {
    match_result r;
    if (tolerant_ != nullptr && !tied_ && rival_score_ < best_) {
      r.entry = tolerant_;
      r.args = std::move(args_);
      r.kind = match_kind::tolerant;
    } else if (exact_ != nullptr) {
      captures caps;
      fits(pattern_of(*exact_), msg_, caps);
      r.entry = exact_;
      r.args = values(pattern_of(*exact_), msg_, caps);
      r.kind = match_kind::exact;
    }
    return r;
  }

 private:
  std::string_view msg_;
  std::optional<normal_text> normal_;
  const entry* exact_ = nullptr;
  std::size_t exact_score_ = 0;
  const entry* tolerant_ = nullptr;
  std::size_t best_ = 0;
  std::vector<argument> args_;
  bool tied_ = false;
  std::size_t rival_score_ = 0;  // the best loose fit of an entry with no tolerant fit
};

template <class Range>
match_result choose(const Range& candidates, std::string_view message) {
  chooser c(message);
  for (const entry& e : candidates)
    c.offer_exact(e);
  for (const entry& e : candidates)
    c.offer_tolerant(e);
  return c.result();
}

// Codes compare in any ASCII letter case.
using text::ascii_upper;
using text::iequals;

}  // namespace

std::optional<std::vector<argument>> match(const entry& e, std::string_view message) {
  captures caps;
  if (!fits(pattern_of(e), message, caps)) return std::nullopt;
  return values(pattern_of(e), message, caps);
}

std::optional<std::vector<argument>> match_tolerant(const entry& e, std::string_view message) {
  if (auto exact = match(e, message)) return exact;
  if (message.size() > max_tolerant_message) return std::nullopt;
  const normal_text normal = normalise_message(message);
  auto f = fit_tolerant(e, message, normal);
  if (!f) return std::nullopt;
  return std::move(f->args);
}

match_result match(const catalog& c, int status, std::string_view code, std::string_view message) {
  const entry_range same_status = c.find_all(status, code);
  const entry_range any_status = c.find_all(0, code);
  // The message is better evidence than the status: when no entry under the received
  // status fits, one documented under another status that does is taken.
  for (const entry_range& candidates : {same_status, any_status}) {
    match_result r = choose(candidates, message);
    if (r.entry != nullptr) return r;
  }
  match_result out;
  out.entry = same_status.empty() ? any_status.front() : same_status.front();
  if (out.entry != nullptr) out.kind = match_kind::exact;
  return out;
}

match_result match_message(std::span<const catalog* const> catalogs, int status,
                           std::string_view message) {
  chooser ch(message);
  for (const catalog* c : catalogs) {
    if (c == nullptr) continue;
    for (const entry& e : *c) {
      if (e.status == status) ch.offer_exact(e);
    }
  }
  for (const catalog* c : catalogs) {
    if (c == nullptr) continue;
    for (const entry& e : *c) {
      if (e.status == status) ch.offer_tolerant(e);
    }
  }
  return ch.result();
}

const code_key* find_key_any_case(const catalog& c, std::string_view code) noexcept {
  if (const code_key* k = c.find_key(code)) return k;
  if (code.empty() || code.size() > max_code_size) return nullptr;
  char buf[max_code_size] = {};
  for (std::size_t i = 0; i < code.size(); ++i)
    buf[i] = ascii_upper(code[i]);
  const std::string_view upper_code(buf, code.size());
  if (const code_key* k = c.find_key(upper_code)) return k;
  // Codes documented with lower-case letters (`Ecs.0114`): compare each, and each under
  // the canonical prefix of an alias the code starts with.
  for (const code_key& k : c.keys) {
    if (iequals(k.code, code)) return &k;
  }
  for (const code_alias& a : c.aliases) {
    if (code.size() <= a.prefix.size() || !iequals(code.substr(0, a.prefix.size()), a.prefix))
      continue;
    const std::string_view rest = code.substr(a.prefix.size());
    for (const code_key& k : c.keys) {
      if (k.code.size() == a.canonical.size() + rest.size() &&
          iequals(k.code.substr(0, a.canonical.size()), a.canonical) &&
          iequals(k.code.substr(a.canonical.size()), rest))
        return &k;
    }
  }
  return nullptr;
}

match_result catalog::match(int status, std::string_view code, std::string_view message) const {
  return errcat::match(*this, status, code, message);
}

}  // namespace errcat

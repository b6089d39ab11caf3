// errcat search WORDS...: the entries that mention every word, best first.
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <errcat/registry.hpp>

#include "commands.hpp"

namespace errcat::cli {

namespace {

struct search_options {
  std::vector<std::string> words;
  std::string format = "table";
};

struct hit {
  int score;
  const entry* e;
};

bool is_word_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The words of every argument, split at blanks, in lower case.
std::vector<std::string> split_words(const std::vector<std::string>& args) {
  std::vector<std::string> words;
  for (const std::string& arg : args) {
    std::size_t i = 0;
    while (i < arg.size()) {
      const std::size_t stop = std::min(arg.find_first_of(" \t\n", i), arg.size());
      if (stop > i) words.push_back(text::lower(std::string_view(arg).substr(i, stop - i)));
      i = stop + 1;
    }
  }
  return words;
}

// What `word` (lower case) adds to `e`'s score in catalog `c`; 0 when `e` does not mention it.
// Each field the word appears in adds its weight (doubled for a whole word), so a word in
// the code or the name outranks one that only the remediation mentions.
int word_score(const std::vector<const entry*>& named, const entry& e, const std::string& word) {
  struct field_weight {
    std::string_view entry::*field;
    int weight;
  };
  static constexpr field_weight fields[] = {{&entry::code, 40},
                                            {&entry::name, 12},
                                            {&entry::message, 8},
                                            {&entry::description, 4},
                                            {&entry::remediation, 2}};
  int score = 0;
  for (const field_weight& f : fields) {
    const std::string text = text::lower(e.*f.field);
    const std::size_t at = text.find(word);
    if (at == std::string::npos) continue;
    const bool starts = at == 0 || !is_word_char(text[at - 1]);
    const std::size_t after = at + word.size();
    const bool ends = after == text.size() || !is_word_char(text[after]);
    score += f.weight * (starts && ends ? 2 : 1);
  }
  // Naming the code itself (any case, any alias spelling) is the best match there is.
  if (std::find(named.begin(), named.end(), &e) != named.end()) score += 200;
  return score;
}

// The entries that mention every word, best first.
std::vector<hit> find_hits(const std::vector<std::string>& words) {
  // The entries whose code each word names, through the registry (any case, any alias).
  std::vector<std::vector<const entry*>> named(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    for (const bundled_match m : find_bundled(words[i]))
      named[i].push_back(m.entry);
  }
  std::vector<hit> hits;
  for (const bundled_catalog& c : bundled_catalogs()) {
    for (const entry& e : *c.catalog) {
      int score = 0;
      bool all = true;
      for (std::size_t i = 0; i < words.size(); ++i) {
        const int s = word_score(named[i], e, words[i]);
        all = all && s > 0;
        score += s;
      }
      if (all) hits.push_back({score, &e});
    }
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const hit& a, const hit& b) { return a.score > b.score; });
  return hits;
}

// Lists the entries that mention every word, best first; 1 when there is none.
int run_search(const search_options& o, const terminal& t) {
  const std::vector<std::string> words = split_words(o.words);
  if (words.empty()) {
    std::cerr << "errcat search: WORDS must not be empty\nRun 'errcat search --help' for more "
                 "information.\n";
    return exit_usage;
  }
  const std::vector<hit> hits = find_hits(words);
  if (hits.empty()) {
    if (o.format == "json") std::cout << "[]\n";
    std::cerr << "errcat: no entry mentions every word of \"";
    for (std::size_t i = 0; i < words.size(); ++i)
      std::cerr << (i > 0 ? " " : "") << printable(words[i]);
    std::cerr << "\"\n";
    return exit_not_found;
  }
  if (o.format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const hit& h : hits) {
      nlohmann::ordered_json item = entry_json(*h.e);
      item["score"] = h.score;
      j.push_back(std::move(item));
    }
    std::cout << dump(j) << '\n';
    return exit_ok;
  }
  std::vector<const entry*> entries;
  for (const hit& h : hits)
    entries.push_back(h.e);
  write_entries(entries, o.format, t);
  return exit_ok;
}

}  // namespace

void add_search_command(CLI::App& app, context& ctx) {
  auto o = std::make_shared<search_options>();
  CLI::App* cmd = app.add_subcommand("search", "Find errors by words, best first");
  cmd->add_option("WORDS", o->words, "Words every match contains (any case)")
      ->type_name("")
      ->required();
  add_format_option(*cmd, o->format, {"table", "json", "csv"});
  cmd->footer("Example: errcat search token expired");
  cmd->callback([o, &ctx] { ctx.run = [o](const terminal& t) { return run_search(*o, t); }; });
}

}  // namespace errcat::cli

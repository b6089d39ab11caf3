// What the fake server and the script reader share: the entry a step names and the error
// it answers with. Internal to errcat::testing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <errcat/error.hpp>
#include <errcat/testing/fake_server.hpp>

namespace errcat::testing::detail {

/// The bundled entry for `code`: the one under `status` when there is one (and `status`
/// is not 0), else the first documented. Nullptr for an unknown code.
const entry* entry_for(std::string_view code, int status) noexcept;

/// The error error step `s` (step `i` of a script from `file`) answers with, without a
/// request id. Throws `script_error` for an unknown code or a bad value.
error make_step_error(const step& s, const std::string& file, std::size_t i);

}  // namespace errcat::testing::detail

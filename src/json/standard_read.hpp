// Names the google.rpc shape shares between writing and reading.
#pragma once

#include <string_view>

namespace errcat::detail {

/// The prefix of every google.rpc detail's `@type` (`...ErrorInfo`, `...RetryInfo`).
inline constexpr std::string_view google_type_prefix = "type.googleapis.com/google.rpc.";

/// The ErrorInfo metadata key of the code of an error no catalog documents.
inline constexpr std::string_view undocumented_code_key = "code";

/// The ErrorInfo metadata key of IAM's encoded authorization message.
inline constexpr std::string_view authorization_message_key = "encodedAuthorizationMessage";

}  // namespace errcat::detail

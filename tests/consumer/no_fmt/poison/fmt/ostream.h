// Stands in for {fmt}'s <fmt/ostream.h> on this consumer's include path, ahead of any installed
// fmt: a core header that includes fmt fails the build here, naming itself in the
// compiler's include trace.
#error \
    "errcat consumer: a core header included <fmt/ostream.h>; the core must compile without {fmt}"

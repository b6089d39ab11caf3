# The public headers of the core library, errcat::errcat, as its FILE_SET HEADERS: they are
# installed with the target (cmake/errcatInstall.cmake) and exported with it, and the test
# "headers: every public header belongs to one installed target" fails when a header under
# include/errcat/ is in no target's set. A new core header goes into this list; a header
# of errcat::json goes into src/json/CMakeLists.txt. Included by the top CMakeLists.txt
# after the bundled catalogs, whose generated headers are part of the set.
include_guard(GLOBAL)

set(errcat_generated_include "${PROJECT_BINARY_DIR}/errcat_generated/include")
target_sources(errcat PUBLIC FILE_SET HEADERS
  BASE_DIRS "${PROJECT_SOURCE_DIR}/include" "${errcat_generated_include}"
  FILES
    "${PROJECT_SOURCE_DIR}/include/errcat/catalog.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/catalog_api.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/category.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/checked.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/constant_table.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/detail/hash.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/detail/signature.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/detail/table_layout.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/entry.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/errcat.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/error.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/exception.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/format.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/format_args.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/http_status.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/limits.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/make.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/match.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/match_kind.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/param_value.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/render.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/request_id.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/retry.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/table_api.hpp"
    "${PROJECT_SOURCE_DIR}/include/errcat/usage_error.hpp"
    # Generated: the version, and the bundled catalogs (errcat_add_catalog above).
    "${errcat_generated_include}/errcat/version.hpp"
    "${errcat_generated_include}/errcat/iam.hpp"
    "${errcat_generated_include}/errcat/iam_table.hpp"
    "${errcat_generated_include}/errcat/apigw.hpp"
    "${errcat_generated_include}/errcat/apigw_table.hpp")

// The umbrella header of errcat's core: everything but the bundled catalogs (include
// <errcat/iam.hpp> or <errcat/apigw.hpp>), the nlohmann_json integration and the opt-in
// {fmt} support (<errcat/format.hpp>, which needs fmt on the include path).
#pragma once

#include "errcat/catalog.hpp"
#include "errcat/catalog_api.hpp"
#include "errcat/category.hpp"
#include "errcat/checked.hpp"
#include "errcat/entry.hpp"
#include "errcat/error.hpp"
#include "errcat/exception.hpp"
#include "errcat/http_status.hpp"
#include "errcat/make.hpp"
#include "errcat/param_value.hpp"
#include "errcat/render.hpp"
#include "errcat/usage_error.hpp"
#include "errcat/version.hpp"

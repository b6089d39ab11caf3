# Accepts any requested version, so that the trap's config file is always what is loaded.
set(PACKAGE_VERSION "3.11.99")
set(PACKAGE_VERSION_COMPATIBLE TRUE)
set(PACKAGE_VERSION_EXACT FALSE)

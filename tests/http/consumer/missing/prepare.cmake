# Copies the installed prefix PREFIX to OUT without the component COMPONENT's targets file,
# as an errcat built without that component would be installed.
#   cmake -DPREFIX=<prefix> -DOUT=<copy> -DCMAKEDIR=<lib/cmake/errcat> -DCOMPONENT=<name> -P prepare.cmake
file(REMOVE_RECURSE "${OUT}")
file(COPY "${PREFIX}/" DESTINATION "${OUT}")
file(REMOVE "${OUT}/${CMAKEDIR}/errcat-${COMPONENT}-targets.cmake")
if(EXISTS "${OUT}/${CMAKEDIR}/errcat-${COMPONENT}-targets.cmake")
  message(FATAL_ERROR "could not remove the ${COMPONENT} targets file")
endif()

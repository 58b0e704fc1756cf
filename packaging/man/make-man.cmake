# Writes a man page with help2man from a program's --help and --version (cmake -P script).
# -DHELP2MAN=path -DPROGRAM=name (run from PATH, so --help prints its plain name) -DNAME="one line"
# -DINCLUDE=file.h2m -DOUT=page.1 [-DSUBCOMMANDS=a,b,c]
# With SUBCOMMANDS, `PROGRAM CMD --help` of each is added as a section COMMANDS, so the page
# documents every option of every subcommand and cannot drift from the program.
cmake_minimum_required(VERSION 3.25)
foreach(v HELP2MAN PROGRAM NAME INCLUDE OUT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "make-man.cmake: ${v} is not set")
  endif()
endforeach()

file(READ "${INCLUDE}" include_text)
if(DEFINED SUBCOMMANDS AND NOT SUBCOMMANDS STREQUAL "")
  string(REPLACE "," ";" commands "${SUBCOMMANDS}")
  string(APPEND include_text "\n[COMMANDS]\n")
  foreach(cmd IN LISTS commands)
    execute_process(COMMAND ${PROGRAM} ${cmd} --help
                    OUTPUT_VARIABLE help RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${PROGRAM} ${cmd} --help failed (${rc}): ${err}")
    endif()
    # roff: a backslash is \e; a line that starts with . or ' would be a request.
    string(REPLACE "\\" "\\e" help "${help}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
    string(REGEX REPLACE "\n+$" "" help "${help}")
    string(APPEND include_text ".SS \"${PROGRAM} ${cmd}\"\n.nf\n${help}\n.fi\n")
  endforeach()
endif()
get_filename_component(out_dir "${OUT}" DIRECTORY)
set(generated "${out_dir}/${PROGRAM}.h2m")
file(WRITE "${generated}" "${include_text}")

execute_process(
  COMMAND ${HELP2MAN} --no-info --section 1 --name "${NAME}" --include "${generated}"
          --output "${OUT}" ${PROGRAM}
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man ${PROGRAM} failed (${rc}): ${err}")
endif()

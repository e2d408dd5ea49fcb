/* The one header through which ResourceLists reaches libxml2.
 *
 * Debian's libxml2 is built with ICU, so <libxml/encoding.h> pulls in
 * <unicode/ucnv.h> from /usr/include. Foundation ships its own, newer ICU
 * headers (_FoundationICU); any Swift file that sees both modules fails with
 * "'UErrorCode' has different definitions in different modules" -- and
 * whether a compile job sees both depends on how the driver batches files,
 * i.e. on the machine's core count. We never touch ICU through libxml2
 * (the only ICU-dependent declarations are two trailing pointer fields of
 * xmlCharEncodingHandler, which Swift never allocates or reads), so the
 * ICU switch is turned off before any other libxml2 header is read. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>

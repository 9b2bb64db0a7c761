// libxml2 (HTML and XML parsers) and libzip for the importer's HTML and DOCX paths, loaded on first use with
// `dlopen` (their dependencies, ICU and libstdc++ for libxml2, libcrypto for libzip, would otherwise be loaded and
// bound at every start of the reader). This header names none of their types: the tree is reached through the
// accessors below, so a module importing DuizhaoCore needs neither library's headers.
#ifndef DUIZHAO_DOCUMENT_FORMATS_H
#define DUIZHAO_DOCUMENT_FORMATS_H

#include <stddef.h>

/// Whether libxml2 could be loaded (loads it on the first call).
int dz_xml_available(void);
/// An HTML document parsed from UTF-8 bytes (error-tolerant, no network, encoding declarations ignored), or NULL.
void *_Nullable dz_html_parse(const char *_Nonnull bytes, int length);
/// An XML document (no network, no entity substitution, no DTD loading, recovering), or NULL.
void *_Nullable dz_xml_parse(const char *_Nonnull bytes, int length);
void dz_doc_free(void *_Nullable document);

/// Node kinds as libxml2 numbers them (1 element, 3 text, 4 CDATA, …); 0 for NULL.
int dz_node_type(const void *_Nullable node);
/// The document's first child; a node's first child, next sibling, parent.
const void *_Nullable dz_doc_first(const void *_Nonnull document);
const void *_Nullable dz_node_first(const void *_Nonnull node);
const void *_Nullable dz_node_next(const void *_Nonnull node);
/// An element's local name (NULL for other nodes).
const char *_Nullable dz_node_name(const void *_Nonnull node);
/// A text or CDATA node's content (NULL for other nodes).
const char *_Nullable dz_node_text(const void *_Nonnull node);
/// The value of an element's attribute with this local name (any namespace), when it is plain text; else NULL.
const char *_Nullable dz_node_attribute(const void *_Nonnull node, const char *_Nonnull name);

/// Reads one member of a ZIP archive held in memory. Returns 0 and sets `*output` (free with `dz_free`) and
/// `*outputLength`; 1 when libzip cannot be loaded, 2 when the bytes are not a ZIP archive, 3 when the member is
/// missing, 4 when it is larger than `limit` bytes, 5 when it cannot be read (damaged, encrypted).
int dz_zip_member(
    const void *_Nonnull bytes, size_t length, const char *_Nonnull name, size_t limit,
    unsigned char *_Nullable *_Nonnull output, size_t *_Nonnull outputLength);
void dz_free(void *_Nullable pointer);

#endif

// See include/DocumentFormats.h. libxml2's and libzip's functions are resolved with dlsym on first use; only
// their headers' struct layouts are compiled in (libxml2's public node structs are part of its stable ABI).
#include "DocumentFormats.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

// ---- libxml2 ----

static htmlDocPtr (*html_read_memory)(const char *, int, const char *, const char *, int);
static xmlDocPtr (*xml_read_memory)(const char *, int, const char *, const char *, int);
static void (*xml_free_doc)(xmlDocPtr);
static int xml_loaded;
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void *open_first(const char *const *names) {
    for (; *names; names++) {
        void *handle = dlopen(*names, RTLD_NOW | RTLD_LOCAL);
        if (handle) return handle;
    }
    return NULL;
}

static void load_xml(void) {
    static const char *const names[] = {"libxml2.so.2", "libxml2.so.16", "libxml2.so", "libxml2.2.dylib", NULL};
    void *library = open_first(names);
    if (!library) return;
    void (*init_parser)(void) = (void (*)(void))dlsym(library, "xmlInitParser");
    html_read_memory = (htmlDocPtr(*)(const char *, int, const char *, const char *, int))dlsym(
        library, "htmlReadMemory");
    xml_read_memory = (xmlDocPtr(*)(const char *, int, const char *, const char *, int))dlsym(
        library, "xmlReadMemory");
    xml_free_doc = (void (*)(xmlDocPtr))dlsym(library, "xmlFreeDoc");
    if (!init_parser || !html_read_memory || !xml_read_memory || !xml_free_doc) return;
    init_parser();
    xml_loaded = 1;
}

int dz_xml_available(void) {
    pthread_once(&xml_once, load_xml);
    return xml_loaded;
}

void *dz_html_parse(const char *bytes, int length) {
    if (!dz_xml_available()) return NULL;
    return html_read_memory(
        bytes, length, NULL, "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC
            | HTML_PARSE_COMPACT | XML_PARSE_HUGE);
}

void *dz_xml_parse(const char *bytes, int length) {
    if (!dz_xml_available()) return NULL;
    return xml_read_memory(
        bytes, length, NULL, "UTF-8",
        XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET | XML_PARSE_COMPACT);
}

void dz_doc_free(void *document) {
    if (document && xml_loaded) xml_free_doc((xmlDocPtr)document);
}

int dz_node_type(const void *node) { return node ? (int)((const xmlNode *)node)->type : 0; }
const void *dz_doc_first(const void *document) { return ((const xmlDoc *)document)->children; }
const void *dz_node_first(const void *node) {
    const xmlNode *element = node;
    return element->type == XML_ELEMENT_NODE ? element->children : NULL;
}
const void *dz_node_next(const void *node) { return ((const xmlNode *)node)->next; }

const char *dz_node_name(const void *node) {
    const xmlNode *element = node;
    return element->type == XML_ELEMENT_NODE ? (const char *)element->name : NULL;
}

const char *dz_node_text(const void *node) {
    const xmlNode *text = node;
    return text->type == XML_TEXT_NODE || text->type == XML_CDATA_SECTION_NODE ? (const char *)text->content : NULL;
}

const char *dz_node_attribute(const void *node, const char *name) {
    const xmlNode *element = node;
    if (element->type != XML_ELEMENT_NODE) return NULL;
    for (const xmlAttr *attribute = element->properties; attribute; attribute = attribute->next) {
        if (!attribute->name || strcmp((const char *)attribute->name, name) != 0) continue;
        const xmlNode *value = attribute->children;
        if (value && value->type == XML_TEXT_NODE && !value->next) return (const char *)value->content;
        return value ? NULL : "";
    }
    return NULL;
}

// ---- libzip ----

typedef struct zip zip_t;
typedef struct zip_file zip_file_t;
typedef struct zip_source zip_source_t;

static zip_source_t *(*zip_source_buffer_create_)(const void *, unsigned long long, int, void *);
static zip_t *(*zip_open_from_source_)(zip_source_t *, int, void *);
static void (*zip_source_free_)(zip_source_t *);
static long long (*zip_name_locate_)(zip_t *, const char *, unsigned int);
static zip_file_t *(*zip_fopen_index_)(zip_t *, unsigned long long, unsigned int);
static long long (*zip_fread_)(zip_file_t *, void *, unsigned long long);
static int (*zip_fclose_)(zip_file_t *);
static void (*zip_discard_)(zip_t *);
static int zip_loaded;
static pthread_once_t zip_once = PTHREAD_ONCE_INIT;

static void load_zip(void) {
    static const char *const names[] = {"libzip.so.5", "libzip.so.4", "libzip.so", "libzip.5.dylib", NULL};
    void *library = open_first(names);
    if (!library) return;
    zip_source_buffer_create_ = dlsym(library, "zip_source_buffer_create");
    zip_open_from_source_ = dlsym(library, "zip_open_from_source");
    zip_source_free_ = dlsym(library, "zip_source_free");
    zip_name_locate_ = dlsym(library, "zip_name_locate");
    zip_fopen_index_ = dlsym(library, "zip_fopen_index");
    zip_fread_ = dlsym(library, "zip_fread");
    zip_fclose_ = dlsym(library, "zip_fclose");
    zip_discard_ = dlsym(library, "zip_discard");
    zip_loaded = zip_source_buffer_create_ && zip_open_from_source_ && zip_source_free_ && zip_name_locate_
        && zip_fopen_index_ && zip_fread_ && zip_fclose_ && zip_discard_;
}

int dz_zip_member(
    const void *bytes, size_t length, const char *name, size_t limit, unsigned char **output, size_t *outputLength) {
    *output = NULL;
    *outputLength = 0;
    pthread_once(&zip_once, load_zip);
    if (!zip_loaded) return 1;
    // zip_error_t is three words (int, int, char *); zeroed, it is an initialised error.
    long long error[4] = {0, 0, 0, 0};
    zip_source_t *source = zip_source_buffer_create_(bytes, length, 0, error);
    if (!source) return 2;
    zip_t *archive = zip_open_from_source_(source, 16 /* ZIP_RDONLY */, error);
    if (!archive) {
        zip_source_free_(source);
        return 2;
    }
    int status = 0;
    long long index = zip_name_locate_(archive, name, 0);
    zip_file_t *file = index < 0 ? NULL : zip_fopen_index_(archive, (unsigned long long)index, 0);
    if (index < 0) {
        status = 3;
    } else if (!file) {
        status = 5;
    } else {
        size_t capacity = 1 << 16, used = 0;
        unsigned char *buffer = malloc(capacity + 1);
        while (buffer) {
            if (used == capacity) {
                if (capacity > limit) {
                    status = 4;
                    break;
                }
                unsigned char *grown = realloc(buffer, capacity * 2 + 1);
                if (!grown) break;
                buffer = grown;
                capacity *= 2;
            }
            long long count = zip_fread_(file, buffer + used, capacity - used);
            if (count < 0) {
                status = 5;
                break;
            }
            if (count == 0) break;
            used += (size_t)count;
            if (used > limit) {
                status = 4;
                break;
            }
        }
        zip_fclose_(file);
        if (!buffer) {
            status = 5;
        } else if (status == 0) {
            buffer[used] = 0;
            *output = buffer;
            *outputLength = used;
        } else {
            free(buffer);
        }
    }
    zip_discard_(archive);  // also frees the source
    return status;
}

void dz_free(void *pointer) { free(pointer); }

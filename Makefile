# wangan — build, run, test, bench.  See README.md.
# `make` builds release binaries into build/; `make test` builds a separate
# AddressSanitizer/UBSan tree into build/asan/ and runs everything against a
# throwaway stack; `make run` starts the development stack under var/.

PREFIX  ?= /usr
BUILD   ?= build
SAN     ?=
CC      ?= cc
PKGS     = libxslt libxml-2.0 libmariadb
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wpointer-arith -Wformat=2 -Wno-unused-parameter -Wvla -Wimplicit-fallthrough
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE $(WARN) -Imodules/core \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(SAN)
LDLIBS   = -lfcgi $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDFLAGS += $(SAN)

CORE_SRC = $(sort $(wildcard modules/core/*.c))
CORE_OBJ = $(CORE_SRC:%.c=$(BUILD)/%.o)
MODULES  = registration
BINS     = $(MODULES:%=$(BUILD)/bin/wangan-%) $(BUILD)/bin/wangan-admin
XSL_SRC  = $(shell find xslt -name '*.xsl' ! -name localize.xsl | sort)
LANGS    = zh-CN en

.PHONY: all deps run stop test unit bench fuzz clean check-banned
all: $(BINS) $(BUILD)/xslt/.stamp

deps:
	tools/deps

$(BUILD)/%.o: %.c $(wildcard modules/core/*.h) $(wildcard modules/*/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/lib/libwangan.a: $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(AR) rcs $@ $^

# One binary per module, from every .c file in its folder.
define module_rule
$$(BUILD)/bin/wangan-$(1): $$(patsubst %.c,$$(BUILD)/%.o,$$(wildcard modules/$(1)/*.c)) $$(BUILD)/lib/libwangan.a
	@mkdir -p $$(dir $$@)
	$$(CC) $$(LDFLAGS) -o $$@ $$^ $$(LDLIBS)
endef
$(foreach m,$(MODULES),$(eval $(call module_rule,$(m))))

$(BUILD)/bin/wangan-admin: $(BUILD)/tools/admin/main.o $(BUILD)/lib/libwangan.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Per-language stylesheets: every visible string is compiled in at build time,
# so a request never runs document() for its strings (DESIGN.md, performance).
$(BUILD)/xslt/.stamp: $(XSL_SRC) xslt/localize.xsl $(wildcard xslt/strings/*.xml)
	@for l in $(LANGS); do for f in $(XSL_SRC); do \
	  out=$(BUILD)/xslt/$$l/$${f#xslt/}; mkdir -p $$(dirname $$out); \
	  xsltproc --nonet --stringparam strings $(CURDIR)/xslt/strings/$$l.xml \
	    --stringparam lang $$l -o $$out xslt/localize.xsl $$f || exit 1; \
	done; done; touch $@
.SECONDARY:

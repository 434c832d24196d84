# wangan — build, run, test, bench.  See README.md.
# `make` builds release binaries into build/; `make test` builds a separate
# AddressSanitizer/UBSan tree into build/asan/ and runs everything against a
# throwaway stack; `make run` starts the development stack under var/.

PREFIX  ?= /usr
BUILD   ?= build
SAN     ?=
CC      ?= cc
# libsodium: password hashes (core/password.c); xlsxwriter: spreadsheet
# export; libzip: reading an uploaded .xlsx (a zip of XML parts) for imports.
PKGS     = libxslt libxml-2.0 libmariadb libsodium xlsxwriter libzip
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wpointer-arith -Wformat=2 -Wno-unused-parameter -Wvla -Wimplicit-fallthrough
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE $(WARN) -Imodules/core \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(SAN)
# Release builds use Debian's mimalloc when it is installed (the list page's
# time is a third malloc/free under glibc); sanitizer builds keep the
# allocator ASan replaces.  Listed first so its malloc wins symbol lookup.
MALLOC   = $(if $(SAN),,$(if $(wildcard /usr/lib/*/libmimalloc.so),-lmimalloc))
LDLIBS   = $(MALLOC) -lfcgi $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDFLAGS += $(SAN)

CORE_SRC = $(sort $(wildcard modules/core/*.c))
CORE_OBJ = $(CORE_SRC:%.c=$(BUILD)/%.o)
# Every folder of modules/ but core is a module with its own binary.
MODULES  = $(filter-out core,$(patsubst modules/%/,%,$(sort $(dir $(wildcard modules/*/*.c)))))
BINS     = $(MODULES:%=$(BUILD)/bin/wangan-%) $(BUILD)/bin/wangan-admin
XSL_SRC  = $(shell find xslt -name '*.xsl' ! -name localize.xsl | sort)
LANGS    = zh-CN en

.PHONY: all deps run stop test unit unit-bin bench fuzz clean check-banned
all: $(BINS) $(BUILD)/xslt/.stamp

ASAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
WANGAN_PORT ?= 8080

# The development stack under var/: MariaDB, schema, demo data, modules, nginx.
run: deps
	@$(MAKE) --no-print-directory -j$$(nproc) all
	@WANGAN_REMIND=$${WANGAN_REMIND:-1} tools/stack up var $(WANGAN_PORT)

stop:
	@tools/stack down var

# Everything, against a throwaway stack built with AddressSanitizer and UBSan
# (built on every core: the sanitizer build is most of a clean run).
test: deps check-banned
	@$(MAKE) --no-print-directory -j$$(nproc) BUILD=build/asan SAN='$(ASAN_FLAGS)' all unit-bin
	@tests/run build/asan

# The cmocka tests alone (make test runs them too).
unit:
	@$(MAKE) --no-print-directory BUILD=build/asan SAN='$(ASAN_FLAGS)' unit-bin
	@tests/unit/run build/asan

bench:
	@tools/deps bench
	@tools/bench/run

fuzz:
	@tests/fuzz/run

clean:
	rm -rf build

# Banned calls (curl's idea): unbounded string functions, and SQL text built at
# run time (tools/check-sql: a string-building call in modules/ whose arguments
# read as SQL or whose target is named *sql*; it tests itself first).  make test
# runs this before anything is built.
check-banned:
	@! grep -nE '\b(sprintf|vsprintf|strcpy|strcat|gets)\s*\(' $$(git ls-files 'modules/*.[ch]' 'tools/*.c' 'tests/*.c') \
	  || { echo 'banned function used (see above)'; exit 1; }
	@/usr/bin/python3 tools/check-sql --self-test
	@/usr/bin/python3 tools/check-sql $$(git ls-files 'modules/*.[ch]')
	@! grep -rn 'disable-output-escaping' xslt/ \
	  || { echo 'a stylesheet escapes output itself (see above); only core/rows.c may'; exit 1; }

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/unit/%)
# test_rows runs the built stylesheets (WANGAN_XSLT), so they are built too.
unit-bin: $(UNIT_BIN) $(BUILD)/xslt/.stamp $(BUILD)/tests/db/stmt_check
# db.c's statement checks against the test stack's MariaDB (tests/http/test_05_statements.py).
$(BUILD)/tests/db/stmt_check: tests/db/stmt_check.c $(BUILD)/lib/libwangan.a
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(DEPFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/lib/libwangan.a $(LDLIBS) $(LDFLAGS)
	@$(DEPDONE)
$(BUILD)/tests/unit/%: tests/unit/%.c $(BUILD)/lib/libwangan.a
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(DEPFLAGS) $(CFLAGS) -o $@ $< $(filter %.o,$^) $(BUILD)/lib/libwangan.a -lcmocka $(LDLIBS) $(LDFLAGS)
	@$(DEPDONE)
# A module's pure parts have unit tests too: such a test links the module's object.
$(BUILD)/tests/unit/test_inc_clock: $(BUILD)/modules/incidents/clock.o $(BUILD)/modules/incidents/profile.o
# The upstream profiles' loader and its locked-down transform (office).
$(BUILD)/tests/unit/test_upstream_profile: $(BUILD)/modules/office/upprofile.o

# The due-date tests include the module's pure due.c.
$(BUILD)/tests/unit/test_systems_due: modules/systems/due.c modules/systems/systems.h
$(BUILD)/tests/unit/test_cloud_due: modules/cloud/due.c modules/cloud/due.h
$(BUILD)/tests/unit/test_duties_due: modules/duties/due.c modules/duties/due.h
$(BUILD)/tests/unit/test_remind_plan: modules/home/plan.c modules/home/remind.h modules/home/mail.c

deps:
	@tools/deps

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(DEPFLAGS) $(CFLAGS) -c -o $@ $<
	@$(DEPDONE)

# Header dependencies: each compile writes the headers its file included to
# TARGET.d (-MMD; -MP adds a rule per header, so a deleted header is no error),
# and the next make reads them, so editing a header rebuilds what includes it.
# Written to .Td first, kept only when the compile succeeds.  An object that
# exists without its .d (a tree built before this) is rebuilt once, since
# nothing says what it includes.
DEPFLAGS = -MMD -MP -MF $@.Td
DEPDONE  = mv -f $@.Td $@.d && touch $@
OBJ_ALL  = $(patsubst %.c,$(BUILD)/%.o,$(wildcard modules/*/*.c tools/admin/*.c)) $(UNIT_BIN)
DEPS     = $(wildcard $(OBJ_ALL:%=%.d))
include $(DEPS)
$(filter-out $(DEPS:%.d=%),$(wildcard $(OBJ_ALL))): FORCE
.PHONY: FORCE

$(BUILD)/lib/libwangan.a: $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(AR) rcs $@ $^

# One binary per module, from every .c file in its folder.
define module_rule
$$(BUILD)/bin/wangan-$(1): $$(patsubst %.c,$$(BUILD)/%.o,$$(wildcard modules/$(1)/*.c)) $$(BUILD)/lib/libwangan.a
	@mkdir -p $$(dir $$@)
	$$(CC) $$(LDFLAGS) -o $$@ $$(filter %.o,$$^) $$(filter %.a,$$^) $$(LDLIBS)
endef
$(foreach m,$(MODULES),$(eval $(call module_rule,$(m))))
# The website watcher (modules/websites/watch.c) fetches with libcurl: linked
# into that binary alone.  Its incidents are filed on the incidents module's
# reporting clock (clock.c is pure: no database, no request).
$(BUILD)/bin/wangan-websites: LDLIBS += $(shell pkg-config --libs libcurl 2>/dev/null || echo -lcurl)
$(BUILD)/bin/wangan-websites: $(BUILD)/modules/incidents/clock.o
$(BUILD)/modules/websites/%.o: CFLAGS += $(shell pkg-config --cflags libcurl 2>/dev/null)
# The office's upstream canonical export writes the registration and systems
# exports' own elements with their own writers (xunit.c, xsystem.c: pure, no
# database, no request), so the documents cannot drift apart.
$(BUILD)/bin/wangan-office: $(BUILD)/modules/registration/xunit.o $(BUILD)/modules/systems/xsystem.o
# The reminders (modules/home/send.c) send mail with libcurl's SMTP.
$(BUILD)/bin/wangan-home: LDLIBS += $(shell pkg-config --libs libcurl 2>/dev/null || echo -lcurl)
$(BUILD)/modules/home/%.o: CFLAGS += $(shell pkg-config --cflags libcurl 2>/dev/null)

# Every tools/admin/*.c.
$(BUILD)/bin/wangan-admin: $(patsubst %.c,$(BUILD)/%.o,$(wildcard tools/admin/*.c)) $(BUILD)/lib/libwangan.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Per-language stylesheets: every visible string is compiled in at build time,
# so a request never runs document() for its strings (DESIGN.md, performance).
# One rule per output, so an edited stylesheet rebuilds its two outputs only
# and make -j localizes in parallel (a strings file still rebuilds its language).
XSL_OUT  = $(foreach l,$(LANGS),$(XSL_SRC:xslt/%=$(BUILD)/xslt/$(l)/%))
$(BUILD)/xslt/.stamp: $(XSL_OUT)
	@touch $@
define xsl_rule
$$(BUILD)/xslt/$(1)/%.xsl: xslt/%.xsl xslt/localize.xsl xslt/strings/$(1).xml
	@mkdir -p $$(dir $$@)
	@xsltproc --nonet --stringparam strings $$(CURDIR)/xslt/strings/$(1).xml --stringparam lang $(1) \
	  -o $$@ xslt/localize.xsl $$<
endef
$(foreach l,$(LANGS),$(eval $(call xsl_rule,$(l))))
.SECONDARY:

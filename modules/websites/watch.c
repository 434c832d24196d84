/*
 * watch.c — the website watcher (值守, seed 003 art. 26): `--watch` runs a
 * round every websites.watch_minutes until it is stopped, `--watch-once`
 * runs one (the tests, cron).  See websites.h for what a round does.
 *
 * What it fetches is only ever built here from a filed domain (the domain
 * column of an online filing, checked again as a plain host name), never
 * from anything a user typed as an address: "http(s)://DOMAIN/".  Each
 * fetch is bounded: the connect and total time-outs, a few KiB of the
 * answer (the write callback stops the transfer), no redirect followed,
 * http and https only.  websites.watch_connect_to maps every connection to
 * one address (CURLOPT_CONNECT_TO "::HOST:PORT"): for a campus whose DNS is
 * split (the watcher's host resolves the public view, the sites live on the
 * inside) — and for the tests, which point the filed domains at the test
 * stack's nginx.
 *
 * Each site's result is one short transaction: what was seen on web_site,
 * and an outage opened (the first round that sees it down) or ended (the
 * first that sees it answer).  A lost database ends the watcher with a
 * failure: its systemd unit starts it again.
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "log.h"
#include "websites.h"

/* How much of an answer a round reads: the status is all it needs, a little body shows it is served. */
#define WS_WATCH_MAX_BYTES 4096

struct ws_watch_set ws_wset;

int
ws_watch_init(const struct config *cfg)
{
	struct ws_watch_set *w = &ws_wset;
	w->parallel = config_int(cfg, "websites.watch_parallel", 4, 1, 64);
	w->connect_timeout = config_int(cfg, "websites.watch_connect_seconds", 5, 1, 60);
	w->timeout = config_int(cfg, "websites.watch_timeout_seconds", 10, 1, 300);
	w->minutes = config_int(cfg, "websites.watch_minutes", 5, 1, 24 * 60);
	w->trigger_hours = config_int(cfg, "websites.trigger_hours", 6, 1, 24 * 30);
	w->max_bytes = WS_WATCH_MAX_BYTES;
	w->connect_to = config_get(cfg, "websites.watch_connect_to", "");
	/* the incident an outage becomes is filed on the incidents module's limits (its defaults too) */
	w->lim_ontime = 60 * config_int(cfg, "incidents.first_ontime_minutes", 30, 1, 24 * 60);
	w->lim_late = 60 * config_int(cfg, "incidents.first_late_minutes", 60, 1, 24 * 60);
	w->lim_missed = 60 * config_int(cfg, "incidents.first_missed_minutes", 120, 1, 7 * 24 * 60);
	w->lim_written = 60 * config_int(cfg, "incidents.written_minutes", 60, 1, 7 * 24 * 60);
	w->lim_review = 60 * config_int(cfg, "incidents.review_minutes", 60, 1, 7 * 24 * 60);
	w->lim_rectify = config_int(cfg, "incidents.rectify_workdays", 1, 1, 30);
	w->taxonomy = strcmp(config_get(cfg, "incidents.taxonomy", "gbt2023"), "gbz2007") == 0 ? "gbz2007" : "gbt2023";
	/* "HOST:PORT": a host name or address without blanks or another colon-separated part */
	const char *ct = w->connect_to, *colon = strrchr(ct, ':');
	if (*ct && (colon == NULL || colon == ct || strspn(colon + 1, "0123456789") != strlen(colon + 1) ||
	    !colon[1] || strlen(ct) > 200 || strpbrk(ct, " \t/@") != NULL)) {
		fprintf(stderr, "wangan-websites: config: websites.watch_connect_to must be HOST:PORT\n");
		return -1;
	}
	return 0;
}

/* One site of a round. */
struct probe {
	long long id;
	char host[256];
	char url[300];
	int https;
	size_t got;
	long status;		/* the HTTP status, 0: no answer */
	const char *error;	/* "" or the word for what went wrong */
	int down;
	CURL *h;		/* while its transfer runs */
};

/* Reads at most max_bytes of the answer: returning less than given stops the transfer. */
static size_t
body_cb(char *p, size_t size, size_t n, void *arg)
{
	struct probe *pr = arg;
	(void)p;
	pr->got += size * n;
	return pr->got > (size_t)ws_wset.max_bytes ? 0 : size * n;
}

static int
site_row(void *arg, const struct db_row *r)
{
	struct { struct ctx *c; struct probe *p; size_t n, cap; } *l = arg;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		struct probe *np = ar_alloc(l->c->ar, cap * sizeof(*np));
		if (np == NULL)
			return 1;
		if (l->n)
			memcpy(np, l->p, l->n * sizeof(*np));
		l->p = np;
		l->cap = cap;
	}
	struct probe *pr = &l->p[l->n];
	memset(pr, 0, sizeof(*pr));
	pr->id = atoll(r->v[WA_ID]);
	snprintf(pr->host, sizeof(pr->host), "%s", r->v[WA_DOMAIN]);
	pr->https = strcmp(r->v[WA_HTTPS], "1") == 0;
	/* a filed domain was checked when filed; checked again, since only a plain host name is fetched */
	if (strlen(r->v[WA_DOMAIN]) >= sizeof(pr->host) || !ws_valid_domain(pr->host))
		return 0;
	snprintf(pr->url, sizeof(pr->url), "%s://%s/", pr->https ? "https" : "http", pr->host);
	l->n++;
	return 0;
}

/* A 3xx to another host is down (the watcher follows no redirect; to the same host it is up). */
static int
offsite(CURL *h, const char *host)
{
	char *to = NULL, *th = NULL;
	int off = 0;
	if (curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &to) != CURLE_OK || to == NULL)
		return 0;
	CURLU *u = curl_url();
	if (u == NULL)
		return 1;
	off = curl_url_set(u, CURLUPART_URL, to, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &th, 0) != CURLUE_OK || strcasecmp(th, host) != 0;
	curl_free(th);
	curl_url_cleanup(u);
	return off;
}

static const char *
error_word(CURLcode e)
{
	switch (e) {
	case CURLE_OPERATION_TIMEDOUT: return "timeout";
	case CURLE_COULDNT_CONNECT: return "refused";
	case CURLE_COULDNT_RESOLVE_HOST: return "dns";
	case CURLE_SSL_CONNECT_ERROR: case CURLE_PEER_FAILED_VERIFICATION: case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER: case CURLE_SSL_CACERT_BADFILE: return "tls";
	case CURLE_GOT_NOTHING: case CURLE_RECV_ERROR: case CURLE_SEND_ERROR: return "no_answer";
	default: return "error";
	}
}

static void
judge(struct probe *pr, CURL *h, CURLcode e)
{
	long code = 0;
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	pr->status = code;
	pr->error = "";
	if (code == 0) {
		pr->error = error_word(e);
		pr->down = 1;
	} else if (code >= 300 && code < 400 && offsite(h, pr->host)) {
		pr->error = "redirect_offsite";
		pr->down = 1;
	} else {
		/* a stopped body (CURLE_WRITE_ERROR) came after the status: the status says it */
		pr->down = !(code >= 200 && code < 400);
	}
}

static CURL *
easy_for(struct probe *pr, struct curl_slist *connect_to)
{
	CURL *h = curl_easy_init();
	if (h == NULL)
		return NULL;
	if (curl_easy_setopt(h, CURLOPT_URL, pr->url) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https") != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, ws_wset.connect_timeout) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_TIMEOUT, ws_wset.timeout) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_MAXFILESIZE, ws_wset.max_bytes) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_USERAGENT, "wangan-watch/1") != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, body_cb) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_WRITEDATA, pr) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_PRIVATE, pr) != CURLE_OK ||
	    (connect_to != NULL && curl_easy_setopt(h, CURLOPT_CONNECT_TO, connect_to) != CURLE_OK)) {
		curl_easy_cleanup(h);
		return NULL;
	}
	return h;
}

/* Fetches every probe, ws_wset.parallel at a time: 0, or -1 when curl itself failed. */
static int
fetch_all(struct probe *p, size_t n)
{
	struct curl_slist *ct = NULL;
	char line[256];
	int rc = -1;
	CURLM *m = curl_multi_init();
	if (m == NULL)
		return -1;
	if (*ws_wset.connect_to) {
		snprintf(line, sizeof(line), "::%s", ws_wset.connect_to);
		if ((ct = curl_slist_append(NULL, line)) == NULL)
			goto done;
	}
	size_t next = 0, running = 0;
	for (size_t i = 0; i < n; i++)
		p[i].h = NULL;
	for (;;) {
		while (running < (size_t)ws_wset.parallel && next < n) {
			CURL *h = easy_for(&p[next], ct);
			if (h == NULL || curl_multi_add_handle(m, h) != CURLM_OK) {
				curl_easy_cleanup(h);
				goto done;
			}
			p[next].h = h;
			next++;
			running++;
		}
		if (running == 0)
			break;
		int still = 0;
		if (curl_multi_perform(m, &still) != CURLM_OK ||
		    curl_multi_poll(m, NULL, 0, 1000, NULL) != CURLM_OK)
			goto done;
		CURLMsg *msg;
		int left;
		while ((msg = curl_multi_info_read(m, &left)) != NULL) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			CURL *h = msg->easy_handle;
			CURLcode e = msg->data.result;
			struct probe *pr = NULL;
			curl_easy_getinfo(h, CURLINFO_PRIVATE, (char **)&pr);
			judge(pr, h, e);
			curl_multi_remove_handle(m, h);
			curl_easy_cleanup(h);
			pr->h = NULL;
			running--;
		}
	}
	rc = 0;
done:
	/* on a failure, what is still in the multi handle is released with it */
	for (size_t i = 0; i < n; i++)
		if (p[i].h != NULL) {
			curl_multi_remove_handle(m, p[i].h);
			curl_easy_cleanup(p[i].h);
			p[i].h = NULL;
		}
	curl_multi_cleanup(m);
	curl_slist_free_all(ct);
	return rc;
}

/* One site's result: what was seen, and its outage opened or ended. */
static int
seen_tx(struct tx *t, void *arg)
{
	const struct probe *pr = arg;
	struct ctx *c = t->c;
	enum db_rc rc;
	struct db_val s[] = { DBI(pr->status), DBS(pr->error), DBI(pr->down), DBI(pr->id) };
	if ((rc = SQL_RUN(c, WS_SQL_WATCH_SEEN, s, NULL, NULL)) != DB_OK)
		return rc;
	if (pr->down) {
		struct db_val o[] = { DBI(pr->id), DBI(pr->status), DBS(pr->error) };
		rc = SQL_RUN(c, WS_SQL_OUTAGE_OPEN, o, NULL, NULL);
	} else {
		struct db_val o[] = { DBI(pr->id) };
		rc = SQL_RUN(c, WS_SQL_OUTAGE_CLOSE, o, NULL, NULL);
	}
	if (rc != DB_OK)
		return rc;
	/* an outage opened or ended is audited; a round that changes nothing is not (one every few minutes) */
	if (db_affected(c->db) == 1) {
		t->record = "website";
		t->id = pr->id;
		t->action = pr->down ? "outage_open" : "outage_end";
		t->after = ar_printf(c->ar, "{\"status\":%ld,\"error\":\"%s\"}", pr->status, pr->error);
	}
	return TX_COMMIT;
}

/* One round: 200, or the failure's status. */
static int
round_run(struct ctx *c)
{
	struct { struct ctx *c; struct probe *p; size_t n, cap; } l = { c, NULL, 0, 0 };
	enum db_rc rc = SQL_RUN0(c, WS_SQL_WATCH_SITES, site_row, &l);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (l.n > 0 && fetch_all(l.p, l.n) != 0) {
		log_msg("watch: curl failed");
		return 500;
	}
	size_t down = 0;
	for (size_t i = 0; i < l.n; i++) {
		struct tx t = { .c = c, .nonce = NULL };
		int st = tx_run(&t, seen_tx, &l.p[i]);
		if (st != 200)
			return st;
		down += (size_t)l.p[i].down;
	}
	printf("watch: %zu sites, %zu down\n", l.n, down);
	fflush(stdout);
	return 200;
}

int
ws_watch_once(struct ctx *c)
{
	c->acct.login = "watcher";	/* who the audit names for an outage opened or ended */
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return 500;
	int st = round_run(c);
	curl_global_cleanup();
	return st;
}

int
ws_watch(struct ctx *c)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return 500;
	struct arena *keep = c->ar;
	int st;
	c->acct.login = "watcher";
	for (;;) {
		/* each round in its own arena: the process runs for months */
		struct arena ar;
		ar_init(&ar);
		c->ar = &ar;
		st = round_run(c);
		ar_free(&ar);
		c->ar = keep;
		if (st != 200)
			break;
		sleep((unsigned)(ws_wset.minutes * 60));
	}
	curl_global_cleanup();
	return st;
}

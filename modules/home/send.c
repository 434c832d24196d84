/*
 * send.c — delivering the outbox (remind.h): libcurl's SMTP (TLS, auth) or
 * the local sendmail.  A batch of due rows is claimed in one short
 * transaction (FOR UPDATE SKIP LOCKED, then a lease: claimed_by and
 * claimed_until), so two senders never take the same row and a dead
 * sender's rows come back once the lease lapses.  Each message is marked
 * sent only after the server accepted it (SMTP's 250 after DATA; sendmail's
 * exit 0); a refusal or an outage keeps the row and pushes next_try_at back
 * (retry_base × 2^attempts, at most retry_max).  Nothing here holds a
 * transaction open while talking to the mail server.
 *
 * A unit's group robot (channel 'webhook': enterprise WeChat or DingTalk,
 * both taking {"msgtype":"text","text":{"content":…}}) is one more
 * recipient in the same outbox: an HTTPS POST to a host of
 * remind.webhook_hosts, accepted on HTTP 200 with "errcode":0.
 */
#include <curl/curl.h>
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "buf.h"
#include "home.h"
#include "log.h"
#include "tx.h"
#include "remind.h"
#include "valid.h"

#define RM_BATCH 50
#define RM_MSG_MAX (1024 * 1024)
/* A group robot's text: both platforms take about 2,048 bytes (WeChat's documented limit, in UTF-8). */
#define RM_HOOK_TEXT 2000

extern char **environ;

struct rm_claim {
	long long id[RM_BATCH];
	size_t n;
};

static int
id_row(void *arg, const struct db_row *r)
{
	struct rm_claim *k = arg;
	if (k->n < RM_BATCH)
		k->id[k->n++] = atoll(r->v[0]);
	return 0;
}

struct rm_pick {
	struct rm_claim *k;
	const char *token;
};

static int
claim_tx(struct tx *t, void *arg)
{
	struct rm_pick *p = arg;
	struct ctx *c = t->c;
	enum db_rc rc;
	struct db_val lim[] = { DBI(RM_BATCH) };
	p->k->n = 0;
	if ((rc = SQL_RUN(c, HM_SQL_RM_PICK, lim, id_row, p->k)) != DB_OK)
		return rc;
	/* the lease outlasts the batch's worst case: every message at its time-out */
	long lease = 60 + rm_set.timeout * (long)(p->k->n + 1);
	for (size_t i = 0; i < p->k->n; i++) {
		struct db_val u[] = { DBS(p->token), DBI(lease), DBI(p->k->id[i]) };
		if ((rc = SQL_RUN(c, HM_SQL_RM_CLAIM, u, NULL, NULL)) != DB_OK)
			return rc;
	}
	return TX_COMMIT;
}

struct rm_msg {
	const char *data;
	size_t len, off;
	char rcpt[510];
	int found, hook;
};

/* The robot's JSON: subject and body, cut to RM_HOOK_TEXT bytes on a character boundary. */
static int
hook_message(struct buf *b, const char *subject, const char *body)
{
	struct buf t;
	buf_init(&t, b->ar, RM_MSG_MAX);
	buf_str(&t, subject);	/* (buf_printf is for short lines) */
	buf_str(&t, "\n\n");
	buf_str(&t, body);
	if (t.err || t.p == NULL)
		return -1;
	int cut = t.len > RM_HOOK_TEXT;
	if (cut) {
		size_t n = RM_HOOK_TEXT - 4;
		while (n > 0 && ((unsigned char)t.p[n] & 0xC0) == 0x80)
			n--;	/* not inside a character */
		t.p[n] = '\0';
	}
	buf_str(b, "{\"msgtype\":\"text\",\"text\":{\"content\":\"");
	buf_json(b, t.p);
	buf_str(b, cut ? "\u2026\"}}" : "\"}}");
	return b->err ? -1 : 0;
}

static int
mail_row(void *arg, const struct db_row *r)
{
	struct { struct ctx *c; struct rm_msg *m; long long id; } *l = arg;
	struct buf b;
	buf_init(&b, l->c->ar, RM_MSG_MAX);
	l->m->hook = strcmp(r->v[RM_CHANNEL], "webhook") == 0;
	if (l->m->hook ? hook_message(&b, r->v[RM_SUBJECT], r->v[RM_BODY]) != 0 :
	    rm_message(&b, rm_set.from, r->v[RM_RCPT], r->v[RM_SUBJECT], r->v[RM_BODY], l->id, (long)time(NULL)) != 0)
		return 0;
	snprintf(l->m->rcpt, sizeof(l->m->rcpt), "%s", r->v[RM_RCPT]);
	l->m->data = b.p;
	l->m->len = b.len;
	l->m->found = 1;
	return 0;
}

static size_t
read_cb(char *p, size_t size, size_t n, void *arg)
{
	struct rm_msg *m = arg;
	size_t k = m->len - m->off;
	if (k > size * n)
		k = size * n;
	memcpy(p, m->data + m->off, k);
	m->off += k;
	return k;
}

/* One message through SMTP: "" when accepted, else what went wrong. */
static const char *
smtp_send(CURL *h, struct rm_msg *m, char *err)
{
	char to[sizeof(m->rcpt) + 2];
	snprintf(to, sizeof(to), "<%s>", m->rcpt);
	struct curl_slist *rcpt = curl_slist_append(NULL, to);
	if (rcpt == NULL)
		return "no memory";
	m->off = 0;
	err[0] = '\0';
	CURLcode e;
	if ((e = curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt)) == CURLE_OK &&
	    (e = curl_easy_setopt(h, CURLOPT_READDATA, m)) == CURLE_OK)
		e = curl_easy_perform(h);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, NULL);
	curl_slist_free_all(rcpt);
	if (e == CURLE_OK)
		return "";
	return *err ? err : curl_easy_strerror(e);
}

/* One message through the local sendmail (-i: a lone "." is no end; -f: the envelope sender). */
static const char *
sendmail_send(struct rm_msg *m)
{
	int fd[2];
	pid_t pid;
	posix_spawn_file_actions_t fa;
	char *argv[] = { (char *)rm_set.sendmail, "-i", "-f", (char *)rm_set.from, "--", m->rcpt, NULL };
	if (pipe(fd) != 0)
		return "pipe";
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd[0], 0);
	posix_spawn_file_actions_addclose(&fa, fd[1]);
	int rc = posix_spawn(&pid, rm_set.sendmail, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fd[0]);
	if (rc != 0) {
		close(fd[1]);
		return "sendmail not started";
	}
	/* sendmail wants the message with plain LF lines */
	signal(SIGPIPE, SIG_IGN);
	int ok = 1;
	for (size_t i = 0; i < m->len && ok; i++)
		if (m->data[i] != '\r')
			ok = write(fd[1], m->data + i, 1) == 1;
	close(fd[1]);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return "sendmail lost";
	return ok && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "" : "sendmail refused";
}

/* What a robot answered: enough of it to find its errcode. */
struct rm_reply {
	char b[512];
	size_t n;
};

static size_t
reply_cb(char *p, size_t size, size_t n, void *arg)
{
	struct rm_reply *r = arg;
	size_t k = size * n, room = sizeof(r->b) - 1 - r->n;
	memcpy(r->b + r->n, p, k < room ? k : room);
	r->n += k < room ? k : room;
	r->b[r->n] = '\0';
	return size * n;
}

/* One message to a group robot: "" when it took it (HTTP 200, "errcode":0), else why not. */
static const char *
hook_send(CURL *h, struct rm_msg *m, char *err)
{
	struct rm_reply r = { .n = 0 };
	long code = 0;
	err[0] = r.b[0] = '\0';
	/* the host is checked again here: a site may have narrowed the list since the address was saved */
	if (!valid_webhook(m->rcpt, rm_set.webhook_hosts))
		return "webhook host not in remind.webhook_hosts";
	CURLcode e;
	if ((e = curl_easy_setopt(h, CURLOPT_URL, m->rcpt)) == CURLE_OK &&
	    (e = curl_easy_setopt(h, CURLOPT_POSTFIELDS, m->data)) == CURLE_OK &&
	    (e = curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)m->len)) == CURLE_OK &&
	    (e = curl_easy_setopt(h, CURLOPT_WRITEDATA, &r)) == CURLE_OK &&
	    (e = curl_easy_perform(h)) == CURLE_OK)
		e = curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	if (e != CURLE_OK)
		return *err ? err : curl_easy_strerror(e);
	if (code != 200)
		return "webhook answered other than 200";
	return strstr(r.b, "\"errcode\":0") != NULL ? "" : "webhook refused the message";
}

static CURL *
hook_handle(char *err, struct curl_slist **hdr)
{
	CURL *h = curl_easy_init();
	*hdr = curl_slist_append(NULL, "Content-Type: application/json; charset=utf-8");
	if (h == NULL || *hdr == NULL ||
	    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https") != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_HTTPHEADER, *hdr) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, reply_cb) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, rm_set.timeout) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_TIMEOUT, rm_set.timeout) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err) != CURLE_OK ||
	    (*rm_set.webhook_ca && curl_easy_setopt(h, CURLOPT_CAINFO, rm_set.webhook_ca) != CURLE_OK)) {
		if (h != NULL)
			curl_easy_cleanup(h);
		curl_slist_free_all(*hdr);
		*hdr = NULL;
		return NULL;
	}
	return h;
}

static CURL *
smtp_handle(char *err)
{
	CURL *h = curl_easy_init();
	if (h == NULL)
		return NULL;
	long tls = rm_set.smtp_tls == 2 ? CURLUSESSL_ALL : rm_set.smtp_tls == 1 ? CURLUSESSL_TRY : CURLUSESSL_NONE;
	char from[140];
	snprintf(from, sizeof(from), "<%s>", rm_set.from);
	if (curl_easy_setopt(h, CURLOPT_URL, rm_set.smtp_url) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps") != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_MAIL_FROM, from) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_USE_SSL, tls) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, rm_set.timeout) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_TIMEOUT, rm_set.timeout) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err) != CURLE_OK ||
	    (*rm_set.smtp_user && (curl_easy_setopt(h, CURLOPT_USERNAME, rm_set.smtp_user) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_PASSWORD, rm_set.smtp_password) != CURLE_OK))) {
		curl_easy_cleanup(h);
		return NULL;
	}
	return h;
}

long
rm_send_due(struct ctx *c, long *failed)
{
	struct rm_claim k;
	char token[64], err[CURL_ERROR_SIZE];
	long sent = -1;
	CURL *h = NULL, *hook = NULL;
	struct curl_slist *hdr = NULL;
	snprintf(token, sizeof(token), "%d.%ld", (int)getpid(), (long)time(NULL));
	struct rm_pick p = { &k, token };
	struct tx t = { .c = c, .nonce = NULL };
	*failed = 0;
	if (tx_run(&t, claim_tx, &p) != 200)
		return -1;
	if (k.n == 0)
		return 0;
	int smtp = strcmp(rm_set.transport, "smtp") == 0;
	if (smtp && (h = smtp_handle(err)) == NULL)
		goto done;
	sent = 0;
	for (size_t i = 0; i < k.n; i++) {
		struct rm_msg m;
		memset(&m, 0, sizeof(m));
		struct { struct ctx *c; struct rm_msg *m; long long id; } l = { c, &m, k.id[i] };
		struct db_val q[] = { DBI(k.id[i]), DBS(token) };
		enum db_rc rc = SQL_RUN(c, HM_SQL_RM_MAIL, q, mail_row, &l);
		if (rc != DB_OK) {
			sent = -1;
			goto done;
		}
		if (m.found && m.hook && hook == NULL && (hook = hook_handle(err, &hdr)) == NULL) {
			sent = -1;
			goto done;
		}
		const char *why = !m.found ? "bad message" : m.hook ? hook_send(hook, &m, err) :
		    smtp ? smtp_send(h, &m, err) : sendmail_send(&m);
		if (*why == '\0') {
			struct db_val d[] = { DBI(k.id[i]), DBS(token) };
			rc = SQL_RUN(c, HM_SQL_RM_DONE, d, NULL, NULL);
			sent++;
		} else {
			char e[250];
			snprintf(e, sizeof(e), "%s", why);
			struct db_val f[] = { DBS(e), DBI(rm_set.retry_base), DBI(rm_set.retry_max), DBI(k.id[i]), DBS(token) };
			rc = SQL_RUN(c, HM_SQL_RM_FAIL, f, NULL, NULL);
			log_msg("remind: mail %lld to %s not sent: %s", k.id[i], m.rcpt, e);
			(*failed)++;
		}
		/* autocommit: each row's outcome is stored as soon as it is known */
		if (rc != DB_OK) {
			sent = -1;
			goto done;
		}
	}
done:
	if (h != NULL)
		curl_easy_cleanup(h);
	if (hook != NULL)
		curl_easy_cleanup(hook);
	curl_slist_free_all(hdr);
	return sent;
}

struct rm_settings rm_set;

/* The SMTP password from its file (first line): never in wangan.conf itself, which more people read. */
static int
read_password(const char *path)
{
	rm_set.smtp_password[0] = '\0';
	if (*path == '\0')
		return 0;
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return -1;
	int ok = fgets(rm_set.smtp_password, sizeof(rm_set.smtp_password), f) != NULL;
	fclose(f);
	if (!ok)
		return -1;
	rm_set.smtp_password[strcspn(rm_set.smtp_password, "\r\n")] = '\0';
	return 0;
}

int
rm_init(const struct config *cfg)
{
	struct rm_settings *s = &rm_set;
	s->transport = config_get(cfg, "remind.transport", "smtp");
	s->smtp_url = config_get(cfg, "remind.smtp_url", "smtp://localhost:25");
	s->smtp_user = config_get(cfg, "remind.smtp_user", "");
	s->from = config_get(cfg, "remind.from", "wangan@localhost");
	s->base_url = config_get(cfg, "remind.base_url", "http://localhost");
	s->sendmail = config_get(cfg, "remind.sendmail", "/usr/sbin/sendmail");
	s->webhook_hosts = config_get(cfg, "remind.webhook_hosts", VALID_WEBHOOK_HOSTS);
	s->webhook_ca = config_get(cfg, "remind.webhook_ca_file", "");
	s->timeout = config_int(cfg, "remind.smtp_timeout_seconds", 30, 1, 600);
	s->retry_base = config_int(cfg, "remind.retry_base_seconds", 60, 1, 86400);
	s->retry_max = config_int(cfg, "remind.retry_max_seconds", 6 * 3600, 1, 7 * 86400);
	const char *tls = config_get(cfg, "remind.smtp_tls", "try");
	s->smtp_tls = strcmp(tls, "on") == 0 ? 2 : strcmp(tls, "try") == 0 ? 1 : strcmp(tls, "off") == 0 ? 0 : -1;
	const char *why = NULL;
	if (strcmp(s->transport, "smtp") != 0 && strcmp(s->transport, "sendmail") != 0)
		why = "remind.transport must be smtp or sendmail";
	else if (s->smtp_tls < 0)
		why = "remind.smtp_tls must be off, try or on";
	else if (strncmp(s->smtp_url, "smtp://", 7) != 0 && strncmp(s->smtp_url, "smtps://", 8) != 0)
		why = "remind.smtp_url must be smtp://HOST[:PORT] or smtps://HOST[:PORT]";
	else if (strchr(s->from, '@') == NULL || strpbrk(s->from, " \t\r\n<>\"") != NULL || strlen(s->from) > 120)
		why = "remind.from must be a plain address (user@host)";
	else if (strpbrk(s->base_url, " \t\r\n") != NULL || strlen(s->base_url) > 200)
		why = "remind.base_url must be a URL without blanks";
	else if (*s->sendmail != '/')
		why = "remind.sendmail must be an absolute path";
	/* a password file that cannot be read matters only to the verb that sends: said when it runs */
	if (why != NULL) {
		fprintf(stderr, "wangan-home: config: %s\n", why);
		return -1;
	}
	return 0;
}

int
hm_remind(struct ctx *c)
{
	if (read_password(config_get(c->cfg, "remind.smtp_password_file", "")) != 0) {
		log_msg("remind: remind.smtp_password_file cannot be read");
		return 500;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return 500;
	int st = rm_round(c);
	curl_global_cleanup();
	return st;
}

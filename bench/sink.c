/*
 * The benchmark's SMTP sink: accepts everything, keeps each DATA body, and
 * costs the machine as little as a blocking server can, so it is never what
 * limits a client (bench/README.md gives the measurements).
 *
 * Built by bench/run.py with the system C compiler; run as
 *
 *     sink [--pipelining]
 *
 * It listens on 127.0.0.1 (an ephemeral port), prints "port N" on stdout and
 * serves one connection at a time with blocking sockets. In a session every
 * recv() is answered by at most one send(): the replies to all the complete
 * command lines it brought, together. --pipelining adds PIPELINING to the
 * EHLO reply; otherwise no extension is advertised.
 *
 * Between sessions it takes commands on stdin, one a line:
 *
 *   delay MS   wait MS milliseconds before each batch of replies from now on
 *              (the greeting included), as a server a network away would;
 *              answered "ok"
 *   flush      report the sessions since the last flush (below)
 *
 * Nothing but receiving and replying happens while a client runs: bodies are
 * kept in one growing buffer, and only at a flush (the runner sends it after
 * the client process has exited) are they hashed and reported, one JSON line
 * per session, then a line "end":
 *
 *   {"helo": "EHLO localhost", "quit": true, "errors": [...],
 *    "msgs": [[from, [to, ...], [params], size, sha1, data_ns], ...],
 *    "commands": N, "batches": N, "cpu_ns": N}
 *
 * size and sha1 cover the DATA bytes exactly as received, from the first byte
 * after the 354 reply through the terminator; data_ns is the wall time from
 * sending 354 to seeing the terminator. commands counts command lines and
 * bodies, batches the sends; cpu_ns is the sink's CPU time in the session
 * (after accept to close).
 *
 * A body ends when what has arrived so far ends with CRLF "." CRLF (the CRLF
 * of the DATA line counts, so "." CRLF alone is an empty body): looking only
 * there keeps the sink from scanning every byte. A client must wait for the
 * reply to the end of data before its next command, which every client here
 * does; one that does not shows up as a wrong hash, an unexpected command or
 * a run that times out.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define CMD_BUF (64 * 1024)
#define MIN_BODY_ROOM (4 * 1024 * 1024)

/* ------------------------------------------------------------ buffers */

typedef struct {
    char *data;
    size_t len, cap;
} Buf;

static void *must(void *p)
{
    if (p == NULL) {
        fprintf(stderr, "sink: out of memory\n");
        exit(2);
    }
    return p;
}

static void buf_reserve(Buf *b, size_t room)
{
    if (b->cap - b->len >= room)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap - b->len < room)
        cap *= 2;
    b->data = must(realloc(b->data, cap));
    b->cap = cap;
}

static void buf_add(Buf *b, const void *data, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->data + b->len, data, n);
    b->len += n;
}

static void buf_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    buf_reserve(b, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* A JSON string of raw bytes, each byte one code point (latin-1). */
static void buf_json(Buf *b, const char *s, size_t n)
{
    buf_add(b, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            buf_printf(b, "\\%c", c);
        else if (c < 0x20 || c >= 0x7f)
            buf_printf(b, "\\u%04x", c);
        else
            buf_add(b, &s[i], 1);
    }
    buf_add(b, "\"", 1);
}

/* ------------------------------------------------------------- SHA-1 */

typedef struct {
    uint32_t h[5];
    uint64_t bytes;
    unsigned char block[64];
    size_t used;
} Sha1;

static uint32_t rol(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

static void sha1_block(uint32_t h[5], const unsigned char *p)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 80; i++)
        w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5A827999;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ED9EBA1;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8F1BBCDC;
        } else {
            f = b ^ c ^ d;
            k = 0xCA62C1D6;
        }
        uint32_t t = rol(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rol(b, 30);
        b = a;
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

static void sha1_init(Sha1 *s)
{
    static const uint32_t start[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476,
                                      0xC3D2E1F0};
    memcpy(s->h, start, sizeof start);
    s->bytes = 0;
    s->used = 0;
}

static void sha1_update(Sha1 *s, const unsigned char *p, size_t n)
{
    s->bytes += n;
    while (n > 0) {
        if (s->used == 0 && n >= 64) {
            sha1_block(s->h, p);
            p += 64;
            n -= 64;
            continue;
        }
        size_t take = 64 - s->used < n ? 64 - s->used : n;
        memcpy(s->block + s->used, p, take);
        s->used += take;
        p += take;
        n -= take;
        if (s->used == 64) {
            sha1_block(s->h, s->block);
            s->used = 0;
        }
    }
}

static void sha1_hex(const unsigned char *p, size_t n, char out[41])
{
    Sha1 s;
    sha1_init(&s);
    sha1_update(&s, p, n);
    uint64_t bits = s.bytes * 8;
    unsigned char pad[72] = {0x80};
    size_t padlen = (s.used < 56 ? 56 : 120) - s.used;
    for (int i = 0; i < 8; i++)
        pad[padlen + i] = (unsigned char)(bits >> (56 - 8 * i));
    sha1_update(&s, pad, padlen + 8);
    for (int i = 0; i < 5; i++)
        sprintf(out + 8 * i, "%08x", s.h[i]);
}

/* ----------------------------------------------------------- sessions */

typedef struct {
    size_t offset, size; /* in the body store */
    size_t env, env_len; /* its MAIL and RCPT lines in Session.envs */
    uint64_t data_ns;
} Msg;

/* What one finished session reports (the record is built at flush). */
typedef struct {
    Buf head;   /* "helo", "quit", "errors" and the counters, as JSON members */
    Buf envs;   /* the MAIL and RCPT lines of every message, LF after each */
    Msg *msgs;
    size_t nmsgs, cap;
} Session;

static Buf bodies;       /* the DATA bodies of every session since the last flush */
static Session *done;    /* finished sessions since the last flush */
static size_t ndone, done_cap;
static long delay_ns;
static int pipelining;

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* CPU time this process has used so far. */
static uint64_t cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Send a batch of replies, after the configured delay. 0 on success. */
static int send_replies(int fd, Buf *out, uint64_t *batches)
{
    if (out->len == 0)
        return 0;
    if (delay_ns > 0) {
        struct timespec ts = {delay_ns / 1000000000L, delay_ns % 1000000000L};
        while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
        }
    }
    size_t sent = 0;
    while (sent < out->len) {
        ssize_t n = send(fd, out->data + sent, out->len - sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        sent += (size_t)n;
    }
    out->len = 0;
    (*batches)++;
    return 0;
}

/* The address of "MAIL FROM:<a> params" / "RCPT TO:<a>" as JSON, then the
 * parameters as a JSON list when params is not NULL. */
static void path_json(Buf *b, const char *line, size_t n, const char *keyword, Buf *params)
{
    size_t i = n < 5 ? n : 5, klen = strlen(keyword);
    while (i < n && line[i] == ' ')
        i++;
    if (n - i >= klen && strncasecmp(line + i, keyword, klen) == 0)
        i += klen;
    size_t words = 0;
    while (i < n) {
        while (i < n && (line[i] == ' ' || line[i] == '\t'))
            i++;
        size_t start = i;
        while (i < n && line[i] != ' ' && line[i] != '\t')
            i++;
        if (i == start)
            break;
        if (words == 0) {
            size_t end = i;
            if (end - start >= 2 && line[start] == '<' && line[end - 1] == '>') {
                start++;
                end--;
            }
            buf_json(b, line + start, end - start);
        } else if (params != NULL) {
            if (words > 1)
                buf_add(params, ",", 1);
            buf_json(params, line + start, i - start);
        }
        words++;
    }
    if (words == 0)
        buf_json(b, "", 0);
}

/* "from",[to, ...],[params] from a message's MAIL line and RCPT lines (each
 * ended by LF). */
static void envelope_json(Buf *b, const char *env, size_t n)
{
    Buf params = {0};
    const char *end = env + n;
    const char *nl = memchr(env, '\n', n);
    path_json(b, env, (size_t)(nl - env), "FROM:", &params);
    buf_add(b, ",[", 2);
    for (const char *line = nl + 1; line < end; line = nl + 1) {
        if (b->data[b->len - 1] != '[') /* not the first recipient */
            buf_add(b, ",", 1);
        nl = memchr(line, '\n', (size_t)(end - line));
        path_json(b, line, (size_t)(nl - line), "TO:", NULL);
    }
    buf_add(b, "],[", 3);
    buf_add(b, params.data ? params.data : "", params.len);
    buf_add(b, "]", 1);
    free(params.data);
}

static int ends_body(const char *body, size_t size)
{
    static const char term[] = "\r\n.\r\n";
    if (size >= 5)
        return memcmp(body + size - 5, term, 5) == 0;
    char tail[7] = "\r\n";
    memcpy(tail + 2, body, size);
    return size >= 3 && memcmp(tail + size + 2 - 5, term, 5) == 0;
}

/* Serve one connection until QUIT or EOF; the finished record goes to done. */
static void serve(int fd)
{
    uint64_t cpu0 = cpu_ns(), commands = 0, batches = 0;
    Session s = {0};
    Buf errors = {0}, helo = {0}, out = {0}, in = {0};
    Buf mail = {0}; /* MAIL and RCPT lines of the message in progress, LF after each */
    int quit = 0, have_mail = 0;
    size_t nrcpts = 0;
    buf_reserve(&in, CMD_BUF);
    buf_add(&out, "220 sink ESMTP ready\r\n", 22);
    if (send_replies(fd, &out, &batches) != 0)
        goto finish;
    for (;;) {
        ssize_t got = recv(fd, in.data + in.len, in.cap - in.len, 0);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            if (got < 0)
                buf_printf(&errors, "%s\"recv: %s\"", errors.len ? "," : "", strerror(errno));
            break;
        }
        in.len += (size_t)got;
        size_t pos = 0;
        int in_data = 0;
        while (!in_data && !quit) {
            char *nl = memchr(in.data + pos, '\n', in.len - pos);
            if (nl == NULL)
                break;
            const char *line = in.data + pos;
            size_t n = (size_t)(nl - line);
            pos += n + 1;
            if (n > 0 && line[n - 1] == '\r')
                n--;
            commands++;
            if (n >= 4 && (strncasecmp(line, "EHLO", 4) == 0 || strncasecmp(line, "HELO", 4) == 0)) {
                helo.len = 0;
                buf_json(&helo, line, n);
                if (pipelining && strncasecmp(line, "EHLO", 4) == 0)
                    buf_add(&out, "250-sink\r\n250 PIPELINING\r\n", 26);
                else
                    buf_add(&out, "250 sink\r\n", 10);
            } else if (n >= 4 && strncasecmp(line, "MAIL", 4) == 0) {
                mail.len = 0;
                nrcpts = 0;
                buf_add(&mail, line, n);
                buf_add(&mail, "\n", 1);
                have_mail = 1;
                buf_add(&out, "250 OK\r\n", 8);
            } else if (n >= 4 && strncasecmp(line, "RCPT", 4) == 0) {
                nrcpts++;
                buf_add(&mail, line, n);
                buf_add(&mail, "\n", 1);
                buf_add(&out, "250 OK\r\n", 8);
            } else if (n == 4 && strncasecmp(line, "DATA", 4) == 0) {
                if (!have_mail || nrcpts == 0) {
                    buf_printf(&errors, "%s\"DATA without MAIL/RCPT\"", errors.len ? "," : "");
                    buf_add(&out, "503 bad sequence\r\n", 18);
                } else {
                    buf_add(&out, "354 go ahead\r\n", 14);
                    in_data = 1;
                }
            } else if (n >= 4 && (strncasecmp(line, "RSET", 4) == 0 ||
                                  strncasecmp(line, "NOOP", 4) == 0)) {
                have_mail = 0;
                nrcpts = 0;
                buf_add(&out, "250 OK\r\n", 8);
            } else if (n == 4 && strncasecmp(line, "QUIT", 4) == 0) {
                quit = 1;
                buf_add(&out, "221 bye\r\n", 9);
            } else {
                buf_add(&errors, errors.len ? "," : "", errors.len ? 1 : 0);
                Buf what = {0};
                buf_add(&what, "unexpected command ", 19);
                buf_add(&what, line, n < 40 ? n : 40);
                buf_json(&errors, what.data, what.len);
                free(what.data);
                buf_add(&out, "502 not implemented\r\n", 21);
            }
        }
        /* What follows the DATA line is the start of the body. */
        size_t rest = in.len - pos;
        if (in_data) {
            buf_reserve(&bodies, rest + MIN_BODY_ROOM);
            memcpy(bodies.data + bodies.len, in.data + pos, rest);
            in.len = 0;
        } else {
            memmove(in.data, in.data + pos, rest);
            in.len = rest;
            if (in.len == in.cap)
                buf_reserve(&in, in.cap); /* a line longer than the buffer */
        }
        if (send_replies(fd, &out, &batches) != 0) {
            buf_printf(&errors, "%s\"send: %s\"", errors.len ? "," : "", strerror(errno));
            break;
        }
        if (quit)
            break;
        if (!in_data)
            continue;
        uint64_t t0 = now_ns();
        size_t start = bodies.len, size = rest;
        while (!ends_body(bodies.data + start, size)) {
            bodies.len = start + size;
            buf_reserve(&bodies, MIN_BODY_ROOM);
            ssize_t n = recv(fd, bodies.data + start + size, bodies.cap - start - size, 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                buf_printf(&errors, "%s\"connection closed inside DATA\"", errors.len ? "," : "");
                bodies.len = start;
                goto finish;
            }
            size += (size_t)n;
        }
        bodies.len = start + size;
        uint64_t data_ns = now_ns() - t0;
        commands++;
        if (s.nmsgs == s.cap) {
            s.cap = s.cap ? 2 * s.cap : 16;
            s.msgs = must(realloc(s.msgs, s.cap * sizeof *s.msgs));
        }
        s.msgs[s.nmsgs++] = (Msg){start, size, s.envs.len, mail.len, data_ns};
        buf_add(&s.envs, mail.data, mail.len); /* turned into JSON at flush */
        have_mail = 0;
        nrcpts = 0;
        buf_add(&out, "250 OK queued\r\n", 15);
        if (send_replies(fd, &out, &batches) != 0) {
            buf_printf(&errors, "%s\"send: %s\"", errors.len ? "," : "", strerror(errno));
            break;
        }
    }
finish:
    close(fd);
    uint64_t cpu1 = cpu_ns();
    buf_add(&s.head, "\"helo\":", 7);
    if (helo.len)
        buf_add(&s.head, helo.data, helo.len);
    else
        buf_add(&s.head, "null", 4);
    buf_printf(&s.head, ",\"quit\":%s,\"errors\":[", quit ? "true" : "false");
    buf_add(&s.head, errors.data ? errors.data : "", errors.len);
    buf_printf(&s.head, "],\"commands\":%llu,\"batches\":%llu,\"cpu_ns\":%llu",
               (unsigned long long)commands, (unsigned long long)batches,
               (unsigned long long)(cpu1 - cpu0));
    free(errors.data);
    free(helo.data);
    free(out.data);
    free(in.data);
    free(mail.data);
    if (ndone == done_cap) {
        done_cap = done_cap ? 2 * done_cap : 64;
        done = must(realloc(done, done_cap * sizeof *done));
    }
    done[ndone++] = s;
}

/* Hash and report every finished session, then "end"; forget them. */
static void flush_sessions(void)
{
    Buf line = {0};
    for (size_t i = 0; i < ndone; i++) {
        Session *s = &done[i];
        line.len = 0;
        buf_add(&line, "{", 1);
        buf_add(&line, s->head.data, s->head.len);
        buf_add(&line, ",\"msgs\":[", 9);
        for (size_t m = 0; m < s->nmsgs; m++) {
            Msg *msg = &s->msgs[m];
            char hex[41];
            sha1_hex((const unsigned char *)bodies.data + msg->offset, msg->size, hex);
            buf_printf(&line, "%s[", m ? "," : "");
            envelope_json(&line, s->envs.data + msg->env, msg->env_len);
            buf_printf(&line, ",%zu,\"%s\",%llu]", msg->size, hex,
                       (unsigned long long)msg->data_ns);
        }
        buf_add(&line, "]}\n", 3);
        fwrite(line.data, 1, line.len, stdout);
        free(s->head.data);
        free(s->envs.data);
        free(s->msgs);
    }
    free(line.data);
    ndone = 0;
    bodies.len = 0;
    fputs("end\n", stdout);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--pipelining") == 0) {
            pipelining = 1;
        } else {
            fprintf(stderr, "usage: sink [--pipelining]\n");
            return 2;
        }
    }
    prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0); /* delays within microseconds */
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t alen = sizeof addr;
    if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(lfd, 64) != 0 ||
        getsockname(lfd, (struct sockaddr *)&addr, &alen) != 0) {
        perror("sink: listen");
        return 1;
    }
    printf("port %d\n", ntohs(addr.sin_port));
    fflush(stdout);
    char cmd[64];
    size_t cmdlen = 0;
    for (;;) {
        struct pollfd fds[2] = {{lfd, POLLIN, 0}, {0, POLLIN, 0}};
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            perror("sink: poll");
            return 1;
        }
        if (fds[0].revents & POLLIN) { /* connections before a flush request */
            int fd = accept(lfd, NULL, NULL);
            if (fd >= 0) {
                setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                serve(fd);
            }
            continue;
        }
        if (fds[1].revents) {
            ssize_t n = read(0, cmd + cmdlen, sizeof cmd - 1 - cmdlen);
            if (n <= 0)
                return 0; /* the runner is gone */
            cmdlen += (size_t)n;
            cmd[cmdlen] = '\0';
            char *nl;
            while ((nl = strchr(cmd, '\n')) != NULL) {
                *nl = '\0';
                if (strcmp(cmd, "flush") == 0) {
                    flush_sessions();
                } else if (strncmp(cmd, "delay ", 6) == 0) {
                    delay_ns = (long)(atof(cmd + 6) * 1e6);
                    fputs("ok\n", stdout);
                    fflush(stdout);
                }
                cmdlen -= (size_t)(nl + 1 - cmd);
                memmove(cmd, nl + 1, cmdlen + 1);
            }
            if (cmdlen == sizeof cmd - 1)
                cmdlen = 0; /* an overlong line: not a command */
        }
    }
}

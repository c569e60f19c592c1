/*
 * rrpc-ceiling: the ceiling of the camel-rrpc benchmarks, the fastest RRPC ping-pong this machine runs through a
 * broker. Two libmosquitto clients in one process, each with its own network thread (mosquitto_loop_start),
 * TCP_NODELAY, MQTT 3.1.1, QoS 0:
 *   - the device subscribes ROOT/rxd/P/D/+ and answers every request, from its callback, on
 *     ROOT/txd/P/D/{processId} with the request's bytes;
 *   - the caller subscribes ROOT/txd/P/D/+ and keeps N calls in flight: each reply starts the next call from the
 *     callback that received it. processIds are 16 digits wide, as the component's.
 * The benchmark (io.camelrrpc.bench.Ceiling) compiles it with gcc -O2 ... -lmosquitto at run time.
 *
 * Usage: rrpc-ceiling HOST PORT ROOT [CAFILE]    (with CAFILE: TLS, trusting that CA, a PEM file)
 * Prints "ready libmosquitto X.Y.Z, gcc V" once both clients are subscribed, then runs commands from stdin, one a
 * line, until "quit" or the end of the input:
 *   run PAYLOAD_BYTES IN_FLIGHT WARMUP_MS WINDOW_MS DRAIN_MS
 * and answers each with one line:
 *   result calls=N window_ns=N lost=N errors=N cpu_ns=N calls_per_s=X p50_ms=X p99_ms=X latencies_ns=L1,L2,...
 * calls: the calls completed inside the window, their latencies in completion order; lost: calls still in flight
 * DRAIN_MS after the window; cpu_ns: this process's CPU time in the window. With WARMUP_MS 0 the window starts
 * before the first call (a slice of the benchmark's taking turns); otherwise, as the benchmark's closed loop, the
 * calls start in batches of 8 one millisecond apart, and the window starts after the warm-up once every call in
 * flight has completed once (waiting at most 4 s more).
 */
#include <errno.h>
#include <inttypes.h>
#include <mosquitto.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ID_BASE 1000000000000000LL
#define RING 65536
#define TOPIC_MAX 256
#define RAMP_BATCH 8
#define MAX_EXTRA_WARMUP_NS 4000000000LL

struct call {
    long long seq;
    long run;
    int64_t start;
};

static struct mosquitto *device;
static struct mosquitto *caller;
static const char *root;
static size_t root_len;

/* everything below is guarded by lock */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed;
static struct call calls[RING];
static long long next_seq;
static long run_number;
static int subscribed;
static unsigned char *payload;
static int payload_capacity;
static int payload_len;
static int outstanding;
static bool stopping;
static int64_t window_start;
static int64_t window_end;
static long completed_ever;
static long errors;
static int64_t *latencies;
static size_t latency_count;
static size_t latency_capacity;

static int64_t nanos(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return (int64_t) t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int64_t now(void) {
    return nanos(CLOCK_MONOTONIC);
}

static void sleep_until(int64_t deadline) {
    struct timespec t = { deadline / 1000000000LL, deadline % 1000000000LL };
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL) == EINTR) {
    }
}

/* the memory, or the end of the process */
static void *needed(void *memory) {
    if (memory == NULL) {
        fprintf(stderr, "rrpc-ceiling: out of memory\n");
        exit(2);
    }
    return memory;
}

static void die(const char *what, int rc) {
    fprintf(stderr, "rrpc-ceiling: %s: %s\n", what, mosquitto_strerror(rc));
    exit(2);
}

/* under lock: one call slot less; wakes the command thread when the last one ends after the window */
static void slot_ended(void) {
    outstanding--;
    if (outstanding == 0 && stopping) {
        pthread_cond_broadcast(&changed);
    }
}

static void issue(void) {
    char topic[TOPIC_MAX];
    int64_t t0 = now();
    pthread_mutex_lock(&lock);
    if (stopping) {
        slot_ended();
        pthread_mutex_unlock(&lock);
        return;
    }
    long long seq = next_seq++;
    struct call *c = &calls[seq % RING];
    c->seq = seq;
    c->run = run_number;
    c->start = t0;
    int len = payload_len;
    const unsigned char *body = payload;
    pthread_mutex_unlock(&lock);
    snprintf(topic, sizeof topic, "%s/rxd/P/D/%lld", root, ID_BASE + seq);
    int rc = mosquitto_publish(caller, NULL, topic, len, body, 0, false);
    if (rc != MOSQ_ERR_SUCCESS) {
        int64_t t1 = now();
        pthread_mutex_lock(&lock);
        if (t1 >= window_start && t1 < window_end) {
            errors++;
        }
        c->seq = -1;
        slot_ended();
        pthread_mutex_unlock(&lock);
    }
}

static void on_request(struct mosquitto *mosq, void *obj, const struct mosquitto_message *msg) {
    (void) obj;
    char reply[TOPIC_MAX];
    size_t n = strlen(msg->topic);
    if (n >= sizeof reply || n < root_len + 4) {
        return;
    }
    memcpy(reply, msg->topic, n + 1);
    memcpy(reply + root_len + 1, "txd", 3);
    mosquitto_publish(mosq, NULL, reply, msg->payloadlen, msg->payload, 0, false);
}

static void record(int64_t t1, int64_t latency, bool ok) {
    completed_ever++;
    if (t1 < window_start || t1 >= window_end) {
        return;
    }
    if (!ok) {
        errors++;
        return;
    }
    if (latency_count == latency_capacity) {
        latency_capacity = latency_capacity == 0 ? 65536 : latency_capacity * 2;
        latencies = needed(realloc(latencies, latency_capacity * sizeof *latencies));
    }
    latencies[latency_count++] = latency;
}

static void on_reply(struct mosquitto *mosq, void *obj, const struct mosquitto_message *msg) {
    (void) mosq;
    (void) obj;
    int64_t t1 = now();
    const char *id = strrchr(msg->topic, '/');
    long long seq = id == NULL ? -1 : strtoll(id + 1, NULL, 10) - ID_BASE;
    if (seq < 0) {
        return;
    }
    pthread_mutex_lock(&lock);
    struct call *c = &calls[seq % RING];
    if (c->seq != seq || c->run != run_number) {
        pthread_mutex_unlock(&lock); /* a reply to a call of an earlier command, given up already */
        return;
    }
    c->seq = -1;
    record(t1, t1 - c->start, msg->payloadlen == payload_len);
    if (stopping) {
        slot_ended();
        pthread_mutex_unlock(&lock);
        return;
    }
    pthread_mutex_unlock(&lock);
    issue();
}

static void on_subscribe(struct mosquitto *mosq, void *obj, int mid, int count, const int *granted) {
    (void) mosq;
    (void) obj;
    (void) mid;
    (void) count;
    (void) granted;
    pthread_mutex_lock(&lock);
    subscribed++;
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&lock);
}

/* subscribes once the broker accepted the connection: Moquette closes one that subscribes before its CONNACK */
static void on_connect(struct mosquitto *mosq, void *filter, int rc) {
    if (rc != 0) {
        fprintf(stderr, "rrpc-ceiling: the broker refused the connection: %s\n", mosquitto_connack_string(rc));
        exit(2);
    }
    rc = mosquitto_subscribe(mosq, NULL, filter, 0);
    if (rc != MOSQ_ERR_SUCCESS) {
        die("mosquitto_subscribe", rc);
    }
}

static struct mosquitto *client(const char *role, const char *host, int port, const char *cafile,
        void (*on_message)(struct mosquitto *, void *, const struct mosquitto_message *), char *filter) {
    char id[64];
    snprintf(id, sizeof id, "ceiling-%s-%ld", role, (long) getpid());
    struct mosquitto *mosq = mosquitto_new(id, true, filter);
    if (mosq == NULL) {
        die("mosquitto_new", MOSQ_ERR_NOMEM);
    }
    mosquitto_int_option(mosq, MOSQ_OPT_TCP_NODELAY, 1);
    mosquitto_int_option(mosq, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
    if (cafile != NULL) {
        int rc = mosquitto_tls_set(mosq, cafile, NULL, NULL, NULL, NULL);
        if (rc != MOSQ_ERR_SUCCESS) {
            die("mosquitto_tls_set", rc);
        }
    }
    mosquitto_connect_callback_set(mosq, on_connect);
    mosquitto_message_callback_set(mosq, on_message);
    mosquitto_subscribe_callback_set(mosq, on_subscribe);
    int rc = mosquitto_connect(mosq, host, port, 60);
    if (rc != MOSQ_ERR_SUCCESS) {
        die("mosquitto_connect", rc);
    }
    rc = mosquitto_loop_start(mosq);
    if (rc != MOSQ_ERR_SUCCESS) {
        die("mosquitto_loop_start", rc);
    }
    return mosq;
}

static int by_value(const void *a, const void *b) {
    int64_t x = *(const int64_t *) a;
    int64_t y = *(const int64_t *) b;
    return (x > y) - (x < y);
}

/* nearest rank, in milliseconds */
static double percentile_ms(const int64_t *sorted, size_t n, double p) {
    if (n == 0) {
        return 0;
    }
    size_t rank = (size_t) (p / 100 * n + 0.999999);
    return sorted[rank == 0 ? 0 : rank - 1] / 1e6;
}

static void print_result(long lost, int64_t window_ns, int64_t cpu_ns) {
    int64_t *sorted = needed(malloc((latency_count + 1) * sizeof *sorted));
    memcpy(sorted, latencies, latency_count * sizeof *sorted);
    qsort(sorted, latency_count, sizeof *sorted, by_value);
    printf("result calls=%zu window_ns=%" PRId64 " lost=%ld errors=%ld cpu_ns=%" PRId64
           " calls_per_s=%.0f p50_ms=%.3f p99_ms=%.3f latencies_ns=",
            latency_count, window_ns, lost, errors, cpu_ns, window_ns > 0 ? latency_count * 1e9 / window_ns : 0,
            percentile_ms(sorted, latency_count, 50), percentile_ms(sorted, latency_count, 99));
    free(sorted);
    for (size_t i = 0; i < latency_count; i++) {
        printf(i == 0 ? "%" PRId64 : ",%" PRId64, latencies[i]);
    }
    printf("\n");
    fflush(stdout);
}

static void run(int bytes, int in_flight, long warmup_ms, long window_ms, long drain_ms) {
    pthread_mutex_lock(&lock);
    run_number++;
    if (bytes > payload_capacity) {
        /* the smaller one is not freed: a call of the previous command may still be publishing it */
        payload = needed(malloc(bytes));
        for (int i = 0; i < bytes; i++) {
            payload[i] = (unsigned char) ('a' + i % 26);
        }
        payload_capacity = bytes;
    }
    payload_len = bytes;
    outstanding = in_flight;
    stopping = false;
    window_start = warmup_ms == 0 ? now() : INT64_MAX;
    window_end = INT64_MAX;
    completed_ever = 0;
    errors = 0;
    latency_count = 0;
    pthread_mutex_unlock(&lock);

    int64_t cpu0 = nanos(CLOCK_PROCESS_CPUTIME_ID);
    for (int i = 0; i < in_flight; i++) {
        issue();
        if ((i + 1) % RAMP_BATCH == 0) {
            sleep_until(now() + 1000000);
        }
    }
    if (warmup_ms > 0) {
        sleep_until(now() + warmup_ms * 1000000);
        int64_t deadline = now() + MAX_EXTRA_WARMUP_NS;
        for (;;) {
            pthread_mutex_lock(&lock);
            bool warm = completed_ever >= in_flight;
            pthread_mutex_unlock(&lock);
            if (warm || now() >= deadline) {
                break;
            }
            sleep_until(now() + 10000000);
        }
        pthread_mutex_lock(&lock);
        latency_count = 0;
        errors = 0;
        cpu0 = nanos(CLOCK_PROCESS_CPUTIME_ID);
        window_start = now();
        pthread_mutex_unlock(&lock);
    }
    sleep_until(window_start + window_ms * 1000000);

    pthread_mutex_lock(&lock);
    window_end = now();
    int64_t cpu_ns = nanos(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
    stopping = true;
    int64_t deadline = now() + drain_ms * 1000000;
    struct timespec until = { deadline / 1000000000LL, deadline % 1000000000LL };
    while (outstanding > 0 && pthread_cond_timedwait(&changed, &lock, &until) != ETIMEDOUT) {
    }
    print_result(outstanding, window_end - window_start, cpu_ns);
    pthread_mutex_unlock(&lock);
}

int main(int argc, char **argv) {
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "usage: %s HOST PORT ROOT [CAFILE]\n", argv[0]);
        return 1;
    }
    root = argv[3];
    root_len = strlen(root);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&changed, &attr);
    mosquitto_lib_init();

    static char requests[TOPIC_MAX];
    static char replies[TOPIC_MAX];
    const char *cafile = argc == 5 ? argv[4] : NULL;
    snprintf(requests, sizeof requests, "%s/rxd/P/D/+", root);
    device = client("dev", argv[1], atoi(argv[2]), cafile, on_request, requests);
    snprintf(replies, sizeof replies, "%s/txd/P/D/+", root);
    caller = client("call", argv[1], atoi(argv[2]), cafile, on_reply, replies);
    pthread_mutex_lock(&lock);
    while (subscribed < 2) {
        pthread_cond_wait(&changed, &lock);
    }
    pthread_mutex_unlock(&lock);
    int major, minor, revision;
    mosquitto_lib_version(&major, &minor, &revision);
    printf("ready libmosquitto %d.%d.%d, gcc %s\n", major, minor, revision, __VERSION__);
    fflush(stdout);

    char line[256];
    while (fgets(line, sizeof line, stdin) != NULL && strncmp(line, "quit", 4) != 0) {
        int bytes, in_flight;
        long warmup_ms, window_ms, drain_ms;
        if (sscanf(line, "run %d %d %ld %ld %ld", &bytes, &in_flight, &warmup_ms, &window_ms, &drain_ms) == 5
            && bytes >= 0 && in_flight > 0 && in_flight < RING / 2 && warmup_ms >= 0 && window_ms > 0
            && drain_ms >= 0) {
            run(bytes, in_flight, warmup_ms, window_ms, drain_ms);
        } else {
            printf("error expected: run PAYLOAD_BYTES IN_FLIGHT WARMUP_MS WINDOW_MS DRAIN_MS, got: %s", line);
            fflush(stdout);
        }
    }
    mosquitto_disconnect(caller);
    mosquitto_disconnect(device);
    mosquitto_loop_stop(caller, false);
    mosquitto_loop_stop(device, false);
    mosquitto_destroy(caller);
    mosquitto_destroy(device);
    mosquitto_lib_cleanup();
    return 0;
}

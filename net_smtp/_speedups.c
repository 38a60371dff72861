/*
 * The optional C accelerator of net_smtp: the inner loop of the DATA encoder.
 *
 * encode_lines(data, line_start) applies net-protocol's write_message rules to
 * one run of message bytes: every line ending (CRLF, a lone LF or a lone CR)
 * becomes CRLF, and a line that starts with "." gets one more; line_start
 * says whether data[0] begins a line. It returns a new bytes object.
 *
 * net_smtp/_text.py holds the same rules in Python (encode_lines_py) and uses
 * them when this module was not built; the tests compare the two. The loop
 * copies whole runs between line breaks (found with memchr), so a chunk
 * costs a few calls per line instead of several passes over every byte.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* Writes the encoded form of in[0:n] to out, which holds at least 2n bytes
   (the most it can take: a lone CR or LF becomes two bytes, as does a "."
   that starts a line), and returns how many bytes it wrote. */
static Py_ssize_t
encode(const char *in, Py_ssize_t n, int line_start, char *out)
{
    Py_ssize_t i = 0, size = 0;
    Py_ssize_t lf = -1, cr = -1;  /* the next LF and CR at or after i (n: none) */

    while (i < n) {
        const char *hit;
        Py_ssize_t brk;

        if (line_start && in[i] == '.') {
            out[size++] = '.';
        }
        if (lf < i) {
            hit = memchr(in + i, '\n', (size_t)(n - i));
            lf = hit ? hit - in : n;
        }
        if (cr < i) {
            hit = memchr(in + i, '\r', (size_t)(n - i));
            cr = hit ? hit - in : n;
        }
        brk = lf < cr ? lf : cr;
        memcpy(out + size, in + i, (size_t)(brk - i));
        size += brk - i;
        if (brk == n) {
            break;
        }
        out[size++] = '\r';
        out[size++] = '\n';
        i = brk + 1;
        if (brk == cr && i < n && in[i] == '\n') {
            i++;  /* CRLF is one line ending */
        }
        line_start = 1;
    }
    return size;
}

static PyObject *
encode_lines(PyObject *module, PyObject *args)
{
    Py_buffer view;
    int line_start;
    PyObject *result;

    (void)module;
    if (!PyArg_ParseTuple(args, "y*p:encode_lines", &view, &line_start)) {
        return NULL;
    }
    if (view.len > PY_SSIZE_T_MAX / 2) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    /* Room for the worst case, then shrunk to what was written. */
    result = PyBytes_FromStringAndSize(NULL, 2 * view.len);
    if (result != NULL) {
        Py_ssize_t size = encode(view.buf, view.len, line_start, PyBytes_AS_STRING(result));
        if (_PyBytes_Resize(&result, size) < 0) {
            result = NULL;
        }
    }
    PyBuffer_Release(&view);
    return result;
}

static PyMethodDef speedups_methods[] = {
    {"encode_lines", encode_lines, METH_VARARGS,
     "encode_lines(data, line_start, /)\n--\n\n"
     "The DATA wire form of data: line endings as CRLF, a line-initial '.' doubled."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT,
    "net_smtp._speedups",
    "The C inner loop of net_smtp's DATA encoder (optional; _text.py has the same rules).",
    0,
    speedups_methods,
    NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModuleDef_Init(&speedups_module);
}

"""Build script for the one part setup.cfg cannot declare: the optional C
accelerator of the DATA encoder. Without a C compiler the build goes on and
net_smtp uses the same rules written in Python (``net_smtp._text``)."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("net_smtp._speedups", ["net_smtp/_speedups.c"], optional=True)])

"""The run side: build designs with the real toolchain, run them on a backend (XRT on an NPU, or the
simulator), store every run in a results database, calibrate the timing model from measured runs."""

"""The SAKIP project package: settings, URLs and, later, the LKjIP report assembly.

It sits at the top of the dependency chain: instansi <- kinerja <- anggaran <- sakip.
"""

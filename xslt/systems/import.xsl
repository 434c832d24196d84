<?xml version="1.0" encoding="UTF-8"?>
<!--
  systems/import.xsl — importing a register into systems: the shared import pages
  (../import.xsl, core/import.h) under this module's view name.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="../import.xsl"/>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- upstream/moe-persons.xsl — not a view (no page: an upstream export profile): the profile of the MOE platform (教育部教育系统网络安全工作管理平台):
     its responsible-person list (网络安全责任人名单, DOMAIN.md §1), from the canonical export's
     <registry> (modules/office/upcanon.c).  One <unit> per unit with its persons, each with
     name, title, office phone, mobile, e-mail and the date the person took the role.  The shape is
     ours (no official specification was available): schema/xml/upstream-moe-persons.xsd.
     Built with the zh-CN strings (roleName is the role's Chinese name); compiled once per process,
     run with every file and network access forbidden (upprofile.c). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text"
    xmlns:c="urn:wangan:upstream:1" xmlns:r="urn:wangan:registration:1"
    xmlns="urn:wangan:upstream:moe-persons:1" exclude-result-prefixes="c r t">
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/c:canonical">
    <responsiblePersonList version="1" kind="{@kind}">
      <header>
        <school><xsl:value-of select="c:site"/></school>
        <generated><xsl:value-of select="c:generated"/></generated>
        <xsl:if test="c:since"><since><xsl:value-of select="c:since"/></since></xsl:if>
        <watermark><xsl:value-of select="c:watermark"/></watermark>
        <count><xsl:value-of select="count(r:registry/r:unit/r:holder)"/></count>
      </header>
      <xsl:apply-templates select="r:registry/r:unit"/>
    </responsiblePersonList>
  </xsl:template>

  <xsl:template match="r:unit">
    <unit code="{@code}" kind="{@kind}">
      <name><xsl:value-of select="r:name"/></name>
      <xsl:apply-templates select="r:holder"/>
    </unit>
  </xsl:template>

  <xsl:template match="r:holder">
    <person role="{@role}">
      <xsl:attribute name="roleName"><t:label set="role" select="@role"/></xsl:attribute>
      <name><xsl:value-of select="r:name"/></name>
      <title><xsl:value-of select="r:title"/></title>
      <xsl:if test="r:officePhone"><officePhone><xsl:value-of select="r:officePhone"/></officePhone></xsl:if>
      <xsl:if test="r:mobile"><mobile><xsl:value-of select="r:mobile"/></mobile></xsl:if>
      <xsl:if test="r:email"><email><xsl:value-of select="r:email"/></email></xsl:if>
      <effectiveDate><xsl:value-of select="r:effective"/></effectiveDate>
    </person>
  </xsl:template>
</xsl:stylesheet>

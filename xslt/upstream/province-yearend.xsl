<?xml version="1.0" encoding="UTF-8"?>
<!-- upstream/province-yearend.xsl — not a view (no page: an upstream export profile): the profile of the provincial education department's office
     (教育厅网信办): the year-end package (年终报送), from the canonical export's <registry> and
     <systems> (modules/office/upcanon.c).  A summary of what the package holds, the responsible
     persons of every unit, and the system inventory with protection level, filing number
     (公安备案), last assessment (等级测评) and next due date (DOMAIN.md §1, §3, "Export to
     upstream").  The shape is ours (no official specification was available):
     schema/xml/upstream-province-yearend.xsd.  Built with the zh-CN strings; compiled once per
     process, run with every file and network access forbidden (upprofile.c). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text"
    xmlns:c="urn:wangan:upstream:1" xmlns:r="urn:wangan:registration:1" xmlns:s="urn:wangan:systems:1"
    xmlns="urn:wangan:upstream:province-yearend:1" exclude-result-prefixes="c r s t">
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/c:canonical">
    <xsl:variable name="sys" select="s:systems/s:system"/>
    <yearEndPackage version="1" year="{substring(c:today, 1, 4)}" kind="{@kind}">
      <header>
        <school><xsl:value-of select="c:site"/></school>
        <generated><xsl:value-of select="c:generated"/></generated>
        <xsl:if test="c:since"><since><xsl:value-of select="c:since"/></since></xsl:if>
        <watermark><xsl:value-of select="c:watermark"/></watermark>
      </header>
      <summary>
        <units><xsl:value-of select="count(r:registry/r:unit)"/></units>
        <persons><xsl:value-of select="count(r:registry/r:unit/r:holder)"/></persons>
        <systems><xsl:value-of select="count($sys)"/></systems>
        <graded><xsl:value-of select="count($sys[s:grading])"/></graded>
        <filed><xsl:value-of select="count($sys[s:grading/s:filing])"/></filed>
        <cii><xsl:value-of select="count($sys[@cii = 'true'])"/></cii>
      </summary>
      <responsiblePersons>
        <xsl:apply-templates select="r:registry/r:unit/r:holder"/>
      </responsiblePersons>
      <systemInventory>
        <xsl:apply-templates select="$sys"/>
      </systemInventory>
    </yearEndPackage>
  </xsl:template>

  <xsl:template match="r:holder">
    <person unitCode="{../@code}" role="{@role}">
      <xsl:attribute name="roleName"><t:label set="role" select="@role"/></xsl:attribute>
      <unitName><xsl:value-of select="../r:name"/></unitName>
      <name><xsl:value-of select="r:name"/></name>
      <title><xsl:value-of select="r:title"/></title>
      <xsl:if test="r:officePhone"><officePhone><xsl:value-of select="r:officePhone"/></officePhone></xsl:if>
      <xsl:if test="r:mobile"><mobile><xsl:value-of select="r:mobile"/></mobile></xsl:if>
      <xsl:if test="r:email"><email><xsl:value-of select="r:email"/></email></xsl:if>
    </person>
  </xsl:template>

  <xsl:template match="s:system">
    <system id="{@id}" unitCode="{s:unit/@code}" kind="{@kind}" status="{@status}" cii="{@cii}">
      <xsl:if test="s:grading"><xsl:attribute name="level"><xsl:value-of select="s:grading/@level"/></xsl:attribute></xsl:if>
      <unitName><xsl:value-of select="s:unit/s:name"/></unitName>
      <name><xsl:value-of select="s:name"/></name>
      <xsl:if test="s:url"><url><xsl:value-of select="s:url"/></url></xsl:if>
      <xsl:if test="s:goLive"><goLive><xsl:value-of select="s:goLive"/></goLive></xsl:if>
      <xsl:if test="s:grading/s:filing">
        <filing number="{s:grading/s:filing/s:number}">
          <xsl:if test="s:grading/s:filing/s:date"><xsl:attribute name="date"><xsl:value-of select="s:grading/s:filing/s:date"/></xsl:attribute></xsl:if>
        </filing>
      </xsl:if>
      <xsl:if test="s:lastAssessment">
        <lastAssessment>
          <xsl:if test="s:lastAssessment/s:date"><xsl:attribute name="date"><xsl:value-of select="s:lastAssessment/s:date"/></xsl:attribute></xsl:if>
          <xsl:if test="s:lastAssessment/s:result"><xsl:attribute name="result"><xsl:value-of select="s:lastAssessment/s:result"/></xsl:attribute></xsl:if>
          <xsl:if test="s:lastAssessment/s:agency"><agency><xsl:value-of select="s:lastAssessment/s:agency"/></agency></xsl:if>
        </lastAssessment>
      </xsl:if>
      <xsl:if test="s:nextDue"><nextDue><xsl:value-of select="s:nextDue"/></nextDue></xsl:if>
    </system>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!-- home/guide.xsl — the user guide of one role (modules/home/guide.c): <guide role mine/>; each module
     the site runs (/page/nav) gets its paragraph for the role.  The words are strings guide.ROLE.*. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:variable name="nav" select="/page/nav"/>
  <xsl:template name="title"><t:s key="home.guide"/><t:s key="home.colon"/><t:label set="acct" select="/page/data/guide/@role"/></xsl:template>
  <xsl:template match="data" mode="content">
    <h1><t:s key="home.guide"/><t:s key="home.colon"/><t:label set="acct" select="guide/@role"/></h1>
    <xsl:call-template name="guide-links"/>
    <p class="lists"><a href="/home/"><t:s key="home.back"/></a></p>
    <xsl:choose>
      <xsl:when test="guide/@role = 'unit_staff'">
        <p class="intro"><t:s key="guide.unit_staff.intro"/></p>
        <xsl:if test="$nav/item[@module = 'registration']"><section class="guide-module"><h2><t:s key="nav.registration"/></h2><p><t:s key="guide.unit_staff.registration"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'pledges']"><section class="guide-module"><h2><t:s key="nav.pledges"/></h2><p><t:s key="guide.unit_staff.pledges"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'systems']"><section class="guide-module"><h2><t:s key="nav.systems"/></h2><p><t:s key="guide.unit_staff.systems"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'incidents']"><section class="guide-module"><h2><t:s key="nav.incidents"/></h2><p><t:s key="guide.unit_staff.incidents"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'cloud']"><section class="guide-module"><h2><t:s key="nav.cloud"/></h2><p><t:s key="guide.unit_staff.cloud"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'websites']"><section class="guide-module"><h2><t:s key="nav.websites"/></h2><p><t:s key="guide.unit_staff.websites"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'duties']"><section class="guide-module"><h2><t:s key="nav.duties"/></h2><p><t:s key="guide.unit_staff.duties"/></p></section></xsl:if>
      </xsl:when>
      <xsl:when test="guide/@role = 'unit_head'">
        <p class="intro"><t:s key="guide.unit_head.intro"/></p>
        <xsl:if test="$nav/item[@module = 'registration']"><section class="guide-module"><h2><t:s key="nav.registration"/></h2><p><t:s key="guide.unit_head.registration"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'pledges']"><section class="guide-module"><h2><t:s key="nav.pledges"/></h2><p><t:s key="guide.unit_head.pledges"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'systems']"><section class="guide-module"><h2><t:s key="nav.systems"/></h2><p><t:s key="guide.unit_head.systems"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'incidents']"><section class="guide-module"><h2><t:s key="nav.incidents"/></h2><p><t:s key="guide.unit_head.incidents"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'cloud']"><section class="guide-module"><h2><t:s key="nav.cloud"/></h2><p><t:s key="guide.unit_head.cloud"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'websites']"><section class="guide-module"><h2><t:s key="nav.websites"/></h2><p><t:s key="guide.unit_head.websites"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'duties']"><section class="guide-module"><h2><t:s key="nav.duties"/></h2><p><t:s key="guide.unit_head.duties"/></p></section></xsl:if>
      </xsl:when>
      <xsl:when test="guide/@role = 'office'">
        <p class="intro"><t:s key="guide.office.intro"/></p>
        <xsl:if test="$nav/item[@module = 'registration']"><section class="guide-module"><h2><t:s key="nav.registration"/></h2><p><t:s key="guide.office.registration"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'pledges']"><section class="guide-module"><h2><t:s key="nav.pledges"/></h2><p><t:s key="guide.office.pledges"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'systems']"><section class="guide-module"><h2><t:s key="nav.systems"/></h2><p><t:s key="guide.office.systems"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'incidents']"><section class="guide-module"><h2><t:s key="nav.incidents"/></h2><p><t:s key="guide.office.incidents"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'cloud']"><section class="guide-module"><h2><t:s key="nav.cloud"/></h2><p><t:s key="guide.office.cloud"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'websites']"><section class="guide-module"><h2><t:s key="nav.websites"/></h2><p><t:s key="guide.office.websites"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'duties']"><section class="guide-module"><h2><t:s key="nav.duties"/></h2><p><t:s key="guide.office.duties"/></p></section></xsl:if>
      </xsl:when>
      <xsl:when test="guide/@role = 'center'">
        <p class="intro"><t:s key="guide.center.intro"/></p>
        <xsl:if test="$nav/item[@module = 'registration']"><section class="guide-module"><h2><t:s key="nav.registration"/></h2><p><t:s key="guide.center.registration"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'pledges']"><section class="guide-module"><h2><t:s key="nav.pledges"/></h2><p><t:s key="guide.center.pledges"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'systems']"><section class="guide-module"><h2><t:s key="nav.systems"/></h2><p><t:s key="guide.center.systems"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'incidents']"><section class="guide-module"><h2><t:s key="nav.incidents"/></h2><p><t:s key="guide.center.incidents"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'cloud']"><section class="guide-module"><h2><t:s key="nav.cloud"/></h2><p><t:s key="guide.center.cloud"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'websites']"><section class="guide-module"><h2><t:s key="nav.websites"/></h2><p><t:s key="guide.center.websites"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'duties']"><section class="guide-module"><h2><t:s key="nav.duties"/></h2><p><t:s key="guide.center.duties"/></p></section></xsl:if>
      </xsl:when>
      <xsl:when test="guide/@role = 'leader'">
        <p class="intro"><t:s key="guide.leader.intro"/></p>
        <xsl:if test="$nav/item[@module = 'registration']"><section class="guide-module"><h2><t:s key="nav.registration"/></h2><p><t:s key="guide.leader.registration"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'pledges']"><section class="guide-module"><h2><t:s key="nav.pledges"/></h2><p><t:s key="guide.leader.pledges"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'systems']"><section class="guide-module"><h2><t:s key="nav.systems"/></h2><p><t:s key="guide.leader.systems"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'incidents']"><section class="guide-module"><h2><t:s key="nav.incidents"/></h2><p><t:s key="guide.leader.incidents"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'cloud']"><section class="guide-module"><h2><t:s key="nav.cloud"/></h2><p><t:s key="guide.leader.cloud"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'websites']"><section class="guide-module"><h2><t:s key="nav.websites"/></h2><p><t:s key="guide.leader.websites"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'duties']"><section class="guide-module"><h2><t:s key="nav.duties"/></h2><p><t:s key="guide.leader.duties"/></p></section></xsl:if>
      </xsl:when>
      <xsl:when test="guide/@role = 'auditor'">
        <p class="intro"><t:s key="guide.auditor.intro"/></p>
        <xsl:if test="$nav/item[@module = 'registration']"><section class="guide-module"><h2><t:s key="nav.registration"/></h2><p><t:s key="guide.auditor.registration"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'pledges']"><section class="guide-module"><h2><t:s key="nav.pledges"/></h2><p><t:s key="guide.auditor.pledges"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'systems']"><section class="guide-module"><h2><t:s key="nav.systems"/></h2><p><t:s key="guide.auditor.systems"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'incidents']"><section class="guide-module"><h2><t:s key="nav.incidents"/></h2><p><t:s key="guide.auditor.incidents"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'cloud']"><section class="guide-module"><h2><t:s key="nav.cloud"/></h2><p><t:s key="guide.auditor.cloud"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'websites']"><section class="guide-module"><h2><t:s key="nav.websites"/></h2><p><t:s key="guide.auditor.websites"/></p></section></xsl:if>
        <xsl:if test="$nav/item[@module = 'duties']"><section class="guide-module"><h2><t:s key="nav.duties"/></h2><p><t:s key="guide.auditor.duties"/></p></section></xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>

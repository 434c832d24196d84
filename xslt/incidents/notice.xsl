<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/notice.xsl — one threat notice: what it says, the unit and
  system, when it came and when it is due, the unit's responses with their
  reports and the office's decisions; the forms this account may use: the
  unit's response (a result and a report file), the office's accept or
  return (with a reason).
  data @conflict? @max-file: <notice …><unit/><system/><source/><description/>
          <responses><response id file-id mime size sha256 submitted by decision?
            decided? decided-by?><result/><reason/></response>…</responses></notice>,
        <can action/>… (respond accept return),
        <form step? from-version?>…</form> (result reason version nonce)
  rectify.xsl is this page for a rectification notice: it imports this one
  and overrides the variables ($base, $here, the actions' names) and the
  nt-* templates (the words, the facts).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="n" select="/page/data/notice"/>
  <xsl:variable name="can" select="/page/data/can"/>
  <xsl:variable name="base" select="'/incidents/notices'"/>
  <xsl:variable name="here" select="'notices'"/>
  <xsl:variable name="respond" select="'respond'"/>
  <xsl:variable name="accept" select="'accept'"/>

  <xsl:template name="title">
    <xsl:call-template name="nt-title"/>
  </xsl:template>

  <!-- the words of the kind -->
  <xsl:template name="nt-title">
    <t:s key="incnotice.title"><t:arg name="no"><xsl:value-of select="$n/@notice-no"/></t:arg></t:s>
  </xsl:template>
  <xsl:template name="nt-status"><t:label set="ncstatus" select="$n/@status"/></xsl:template>
  <xsl:template name="nt-respond"><t:s key="incnotice.respond"/></xsl:template>
  <xsl:template name="nt-accept"><t:s key="incnotice.accept"/></xsl:template>
  <xsl:template name="nt-responses"><t:s key="incnotice.responses"/></xsl:template>
  <xsl:template name="nt-no-responses"><t:s key="incnotice.no_responses"/></xsl:template>
  <xsl:template name="nt-waiting"><t:label set="ncstatus" select="'responded'"/></xsl:template>
  <xsl:template name="nt-links"/>

  <xsl:template match="data" mode="content">
    <xsl:call-template name="tabs"><xsl:with-param name="here" select="$here"/></xsl:call-template>
    <h1>
      <xsl:call-template name="nt-title"/>
      <span class="sub"><xsl:call-template name="nt-status"/></span>
    </h1>
    <xsl:call-template name="nt-links"/>
    <xsl:call-template name="conflict-box"><xsl:with-param name="now" select="$n/@version"/></xsl:call-template>
    <xsl:call-template name="nt-facts"/>
    <xsl:call-template name="nt-forms"/>
    <xsl:call-template name="nt-responses-table"/>
  </xsl:template>

  <xsl:template name="nt-facts">
    <dl class="facts">
      <dt><t:s key="field.source"/></dt>
      <dd><xsl:value-of select="$n/source"/></dd>
      <dt><t:s key="field.assignee"/></dt>
      <dd><xsl:call-template name="unit-label"><xsl:with-param name="name" select="$n/unit"/><xsl:with-param name="code" select="$n/@unit-code"/></xsl:call-template></dd>
      <dt><t:s key="field.system_id"/></dt>
      <dd>
        <xsl:value-of select="$n/system"/>
        <xsl:if test="not(string($n/system))"><span class="muted">—</span></xsl:if>
      </dd>
      <dt><t:s key="field.received_at"/></dt>
      <dd><xsl:call-template name="time"><xsl:with-param name="t" select="$n/@received"/></xsl:call-template></dd>
      <dt><t:s key="incnotice.col_due"/></dt>
      <dd>
        <xsl:call-template name="time"><xsl:with-param name="t" select="$n/@due"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="class"><xsl:with-param name="c" select="$n/@timing"/></xsl:call-template>
        <xsl:if test="$n/@timing = 'pending' or $n/@timing = 'overdue'">
          <small class="dates"><xsl:call-template name="left"><xsl:with-param name="s" select="$n/@left"/></xsl:call-template></small>
        </xsl:if>
      </dd>
      <dt><t:s key="field.description"/></dt>
      <dd class="multi"><xsl:value-of select="$n/description"/></dd>
      <dt><t:s key="incnotice.registered"/></dt>
      <dd><xsl:call-template name="time"><xsl:with-param name="t" select="$n/@created"/></xsl:call-template>
        <xsl:text> </xsl:text><span class="code"><xsl:value-of select="$n/@created-by"/></span></dd>
    </dl>
  </xsl:template>

  <xsl:template name="nt-forms">
    <xsl:if test="$can[@action = $respond]">
      <form class="step" method="post" action="{$base}/{$n/@id}/{$respond}" enctype="multipart/form-data" novalidate="novalidate">
        <h3><xsl:call-template name="nt-respond"/></h3>
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
        <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
        <xsl:call-template name="area-row">
          <xsl:with-param name="name" select="'result'"/>
          <xsl:with-param name="rows" select="5"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
        <xsl:variable name="fm" select="/page/messages/msg[@field = 'file']"/>
        <div class="field">
          <xsl:if test="$fm"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
          <label for="f-file"><t:s key="field.file"/><span class="req" aria-hidden="true">*</span></label>
          <div class="input">
            <input type="file" id="f-file" name="file" accept="application/pdf,image/jpeg,image/png"/>
            <xsl:for-each select="$fm">
              <p class="ferr"><t:label set="msg" select="@code"/></p>
            </xsl:for-each>
            <p class="hint">
              <t:s key="inc.hint_file"><t:arg name="n"><xsl:value-of select="floor(/page/data/@max-file div 1048576)"/></t:arg></t:s>
            </p>
          </div>
        </div>
        <p class="formbuttons"><button type="submit"><xsl:call-template name="nt-respond"/></button></p>
      </form>
    </xsl:if>
    <xsl:if test="$can[@action = $accept]">
      <form class="step" method="post" action="{$base}/{$n/@id}/{$accept}">
        <h3><xsl:call-template name="nt-accept"/></h3>
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
        <p class="formbuttons"><button type="submit"><xsl:call-template name="nt-accept"/></button></p>
      </form>
      <form class="step" method="post" action="{$base}/{$n/@id}/return" novalidate="novalidate">
        <h3><t:s key="incnotice.return"/></h3>
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
        <xsl:call-template name="area-row">
          <xsl:with-param name="name" select="'reason'"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
        <p class="formbuttons"><button type="submit" class="secondary"><t:s key="incnotice.return"/></button></p>
      </form>
    </xsl:if>
  </xsl:template>

  <xsl:template name="nt-responses-table">
    <h2><xsl:call-template name="nt-responses"/></h2>
    <xsl:choose>
      <xsl:when test="$n/responses/response">
        <div class="tablewrap">
          <table>
            <thead>
              <tr>
                <th scope="col"><t:s key="incnotice.col_submitted"/></th>
                <th scope="col"><t:s key="field.result"/></th>
                <th scope="col"><t:s key="field.file"/></th>
                <th scope="col"><t:s key="incnotice.col_decision"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$n/responses/response">
                <tr>
                  <td class="num"><xsl:call-template name="time"><xsl:with-param name="t" select="@submitted"/></xsl:call-template>
                    <small class="dates"><xsl:value-of select="@by"/></small></td>
                  <td class="multi"><xsl:value-of select="result"/></td>
                  <td><a href="/incidents/files/{@file-id}"><t:s key="inc.download"/></a>
                    <small class="dates"><code><xsl:value-of select="@sha256"/></code></small></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@decision">
                        <t:label set="ncdecision" select="@decision"/>
                        <small class="dates">
                          <xsl:call-template name="time"><xsl:with-param name="t" select="@decided"/></xsl:call-template>
                          <xsl:text> </xsl:text><xsl:value-of select="@decided-by"/>
                        </small>
                        <xsl:if test="string(reason)"><p class="multi"><xsl:value-of select="reason"/></p></xsl:if>
                      </xsl:when>
                      <xsl:otherwise><span class="muted"><xsl:call-template name="nt-waiting"/></span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="muted"><xsl:call-template name="nt-no-responses"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="inc-css"/>
  </xsl:template>
</xsl:stylesheet>

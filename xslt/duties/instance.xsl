<?xml version="1.0" encoding="UTF-8"?>
<!--
  duties/instance.xsl — one duty of one year for one owner (modules/duties/duty.c):
  data @conflict? <instance id code owner year due state stand version writable decidable
         min-files submitted-at? submitted-by? decided-at? decided-by? updated-by updated-at>
         <title/><evidence/><seed/><unit code/>?<reason/>?
         <figures><figure id code unit min max threshold? required decimals value? met?><label/></figure>…</figures>
         <files><file id note mime size name at by/>…</files></instance>
       <form> fig_CODE… note nonce (writable), reason (decidable), version
  The owner's forms (upload, figures, submit) show while it is open or
  returned and the reader may act for the owner; the office's (accept,
  return) once it is submitted.  A figure's threshold is shown beside it:
  met or not, the value is the unit's to state and the office's to judge.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <xsl:value-of select="/page/data/instance/title"/>
    <xsl:text> · </xsl:text>
    <t:s key="du.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="i" select="instance"/>
    <xsl:variable name="file-err" select="string(/page/messages/msg[@field = 'file']/@code)"/>
    <p class="crumbs small">
      <a href="{$base}?year={$i/@year}"><t:s key="du.title_year"><t:arg name="year"><xsl:value-of select="$i/@year"/></t:arg></t:s></a>
    </p>
    <h1>
      <xsl:value-of select="$i/title"/>
      <xsl:text> </xsl:text>
      <xsl:call-template name="stand"><xsl:with-param name="s" select="$i/@stand"/></xsl:call-template>
    </h1>
    <xsl:if test="$i/@stand = 'overdue'">
      <p class="notice bad" role="alert">
        <t:s key="du.overdue_text"><t:arg name="date"><xsl:value-of select="$i/@due"/></t:arg></t:s>
      </p>
    </xsl:if>
    <xsl:if test="$i/@state = 'returned' and string($i/reason)">
      <section class="notice bad">
        <p><strong><t:s key="du.returned_title"/></strong></p>
        <p class="multi"><xsl:value-of select="$i/reason"/></p>
      </section>
    </xsl:if>
    <xsl:if test="@conflict = '1'">
      <section class="conflict">
        <h2><t:s key="change.conflict_title"/></h2>
        <p>
          <t:s key="du.conflict_text">
            <t:arg name="who"><xsl:value-of select="$i/@updated-by"/></t:arg>
            <t:arg name="at"><xsl:value-of select="$i/@updated-at"/></t:arg>
          </t:s>
        </p>
      </section>
    </xsl:if>
    <dl class="facts">
      <dt><t:s key="du.col_owner"/></dt>
      <dd>
        <xsl:choose>
          <xsl:when test="$i/unit">
            <xsl:call-template name="unit-label">
              <xsl:with-param name="name" select="$i/unit"/>
              <xsl:with-param name="code" select="$i/unit/@code"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><t:s key="du.owner_office"/></xsl:otherwise>
        </xsl:choose>
      </dd>
      <dt><t:s key="du.col_due"/></dt>
      <dd>
        <xsl:call-template name="deadline">
          <xsl:with-param name="due" select="$i/@due"/>
          <xsl:with-param name="overdue" select="$i/@stand = 'overdue'"/>
        </xsl:call-template>
      </dd>
      <dt><t:s key="du.col_state"/></dt>
      <dd><t:label set="dustate" select="$i/@state"/></dd>
      <dt><t:s key="du.evidence"/></dt>
      <dd>
        <xsl:value-of select="$i/evidence"/>
        <xsl:if test="$i/@min-files &gt; 0">
          <small class="dates"><t:s key="du.min_files"><t:arg name="n"><xsl:value-of select="$i/@min-files"/></t:arg></t:s></small>
        </xsl:if>
      </dd>
      <dt><t:s key="du.seed"/></dt>
      <dd class="small"><xsl:value-of select="$i/seed"/></dd>
      <xsl:if test="$i/@submitted-at">
        <dt><t:s key="du.submitted"/></dt>
        <dd><xsl:value-of select="$i/@submitted-at"/> · <xsl:value-of select="$i/@submitted-by"/></dd>
      </xsl:if>
      <xsl:if test="$i/@decided-at">
        <dt><t:s key="du.decided"/></dt>
        <dd><xsl:value-of select="$i/@decided-at"/> · <xsl:value-of select="$i/@decided-by"/></dd>
      </xsl:if>
    </dl>

    <xsl:if test="$i/figures/figure">
      <h2 id="figures"><t:s key="du.figures"/></h2>
      <xsl:choose>
        <xsl:when test="$i/@writable = '1'">
          <form class="duty" method="post" action="{$base}{$i/@id}/figures" novalidate="novalidate">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
            <xsl:for-each select="$i/figures/figure">
              <xsl:call-template name="field-row">
                <xsl:with-param name="name" select="concat('fig_', @code)"/>
                <xsl:with-param name="required" select="@required = '1'"/>
                <xsl:with-param name="hint">
                  <xsl:call-template name="fig-hint"/>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:for-each>
            <p class="formbuttons">
              <button type="submit"><t:s key="du.save_figures"/></button>
            </p>
          </form>
        </xsl:when>
        <xsl:otherwise>
          <table class="figures">
            <tbody>
              <xsl:for-each select="$i/figures/figure">
                <tr>
                  <th scope="row"><xsl:value-of select="label"/></th>
                  <td class="num">
                    <xsl:value-of select="@value"/>
                    <xsl:if test="not(@value)"><span class="muted">—</span></xsl:if>
                  </td>
                  <td><xsl:call-template name="fig-hint"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>

    <h2 id="files"><t:s key="du.files"/></h2>
    <xsl:choose>
      <xsl:when test="$i/files/file">
        <table class="files">
          <thead>
            <tr>
              <th scope="col"><t:s key="du.col_file"/></th>
              <th scope="col"><t:s key="dufield.note"/></th>
              <th scope="col"><t:s key="du.col_size"/></th>
              <th scope="col"><t:s key="du.col_uploaded"/></th>
              <xsl:if test="$i/@writable = '1'"><th scope="col"><span class="vh"><t:s key="du.delete"/></span></th></xsl:if>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$i/files/file">
              <tr>
                <td><a href="{$base}files/{@id}"><xsl:value-of select="@name"/></a></td>
                <td><xsl:value-of select="@note"/></td>
                <td class="num"><t:s key="du.kb"><t:arg name="n"><xsl:value-of select="ceiling(@size div 1024)"/></t:arg></t:s></td>
                <td><xsl:value-of select="@at"/> · <xsl:value-of select="@by"/></td>
                <xsl:if test="$i/@writable = '1'">
                  <td>
                    <form class="inline" method="post" action="{$base}files/{@id}/delete">
                      <xsl:call-template name="csrf"/>
                      <input type="hidden" name="instance" value="{$i/@id}"/>
                      <button type="submit" class="secondary small"><t:s key="du.delete"/></button>
                    </form>
                  </td>
                </xsl:if>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:when>
      <xsl:otherwise><p class="muted"><t:s key="du.no_files"/></p></xsl:otherwise>
    </xsl:choose>

    <xsl:if test="$i/@writable = '1'">
      <form class="duty" method="post" action="{$base}{$i/@id}/files" enctype="multipart/form-data" novalidate="novalidate">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
        <div class="field">
          <xsl:if test="$file-err"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
          <label for="f-file"><t:s key="dufield.file"/><span class="req" aria-hidden="true">*</span></label>
          <div class="input">
            <input type="file" id="f-file" name="file" accept="application/pdf,image/jpeg,image/png" required="required"/>
            <xsl:if test="$file-err">
              <p class="ferr" id="e-file"><t:label set="msg" select="$file-err"/></p>
            </xsl:if>
            <p class="hint"><t:s key="du.hint_file"/></p>
          </div>
        </div>
        <xsl:call-template name="field-row">
          <xsl:with-param name="name" select="'note'"/>
          <xsl:with-param name="hint"><t:s key="du.hint_note"/></xsl:with-param>
        </xsl:call-template>
        <p class="formbuttons">
          <button type="submit"><t:s key="du.upload"/></button>
        </p>
      </form>

      <form class="duty" method="post" action="{$base}{$i/@id}/submit">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
        <p class="formbuttons">
          <button type="submit"><t:s key="du.submit"/></button>
          <span class="hint"><t:s key="du.hint_submit"/></span>
        </p>
      </form>
    </xsl:if>

    <xsl:if test="$i/@decidable = '1'">
      <h2><t:s key="du.decide"/></h2>
      <form class="duty" method="post" action="{$base}{$i/@id}/accept">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
        <p class="formbuttons"><button type="submit"><t:s key="du.accept"/></button></p>
      </form>
      <form class="duty" method="post" action="{$base}{$i/@id}/return" novalidate="novalidate">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
        <xsl:call-template name="area-row">
          <xsl:with-param name="name" select="'reason'"/>
          <xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="rows" select="3"/>
        </xsl:call-template>
        <p class="formbuttons"><button type="submit" class="secondary"><t:s key="du.return"/></button></p>
      </form>
    </xsl:if>
  </xsl:template>

  <!-- A figure's unit, range and threshold, and whether the value meets it. -->
  <xsl:template name="fig-hint">
    <xsl:variable name="u"><xsl:call-template name="fig-unit"><xsl:with-param name="u" select="@unit"/></xsl:call-template></xsl:variable>
    <t:s key="du.fig_range">
      <t:arg name="min"><xsl:value-of select="@min"/></t:arg>
      <t:arg name="max"><xsl:value-of select="@max"/></t:arg>
      <t:arg name="unit"><xsl:value-of select="$u"/></t:arg>
    </t:s>
    <xsl:if test="@threshold">
      <xsl:text> </xsl:text>
      <t:s key="du.fig_threshold">
        <t:arg name="t"><xsl:value-of select="@threshold"/></t:arg>
        <t:arg name="unit"><xsl:value-of select="$u"/></t:arg>
      </t:s>
      <xsl:if test="@met = '1'"><xsl:text> </xsl:text><span class="met"><t:s key="du.met"/></span></xsl:if>
      <xsl:if test="@met = '0'"><xsl:text> </xsl:text><span class="unmet"><t:s key="du.unmet"/></span></xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="du-css"/>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  systems/system.xsl — one system: its basic information, grading and
  filing, the assessments and the findings to fix.
  data @writable (1: this account may edit it):
        <system overdue> with one child per column: id version unit-id
          unit-code unit-name name kind url ips purpose vendor-id vendor hosting
          admin-name admin-phone status golive level graded review filing-no
          filing-date cii last-assessed next-due created-by updated-at
          updated-by </system> (dates YYYY-MM-DD or empty; level 0: not graded;
          vendor-id 0: none),
        <assessments><assessment><id/><date/><agency/><result/><score/><report/>
          </assessment>…</assessments> (newest first; report 0: none),
        <findings><finding><id/><assessment/><text/><deadline/><done/></finding>…
          </findings> (by deadline)
  Level 2 and above is filed with public security (number and date); level 1
  with the office after an expert review.  A finding is overdue when its
  deadline has passed and it is not done.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <xsl:value-of select="/page/data/system/name"/>
    <xsl:text> · </xsl:text>
    <t:s key="systems.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="s" select="system"/>
    <xsl:variable name="level" select="number($s/level)"/>
    <xsl:variable name="all">
      <xsl:call-template name="reads-all"/>
    </xsl:variable>
    <xsl:variable name="writable" select="@writable = '1'"/>
    <xsl:variable name="grades" select="@grades = '1'"/>

    <p class="crumbs small"><a href="{$base}"><t:s key="systems.title"/></a></p>
    <h1>
      <xsl:value-of select="$s/name"/>
      <span class="sub"><t:label set="syskind" select="$s/kind"/></span>
      <xsl:if test="$s/cii = '1'">
        <xsl:text> </xsl:text>
        <abbr class="cii" t:title="sysfield.cii"><t:s key="sys.cii_short"/></abbr>
      </xsl:if>
    </h1>

    <xsl:if test="$s/@overdue = '1'">
      <p class="notice bad" role="alert">
        <xsl:choose>
          <xsl:when test="$s/@due-kind = 'cii'">
            <t:s key="system.overdue_cii"><t:arg name="date"><xsl:value-of select="$s/next-due"/></t:arg></t:s>
          </xsl:when>
          <xsl:otherwise>
            <t:s key="system.overdue"><t:arg name="date"><xsl:value-of select="$s/next-due"/></t:arg></t:s>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </xsl:if>
    <xsl:if test="$s/status = 'retired'">
      <p class="notice info"><t:s key="system.retired"/></p>
    </xsl:if>
    <p class="actions">
      <xsl:if test="$writable">
        <a class="button secondary" href="{$base}{$s/id}/edit"><t:s key="system.edit"/></a>
      </xsl:if>
      <a href="{$base}{$s/id}/print"><t:s key="system.print"/></a>
    </p>

    <h2><t:s key="sys.basic"/></h2>
    <dl class="facts">
      <dt><t:s key="sysfield.unit"/></dt>
      <dd>
        <xsl:call-template name="unit-label">
          <xsl:with-param name="name" select="$s/unit-name"/>
          <xsl:with-param name="code" select="$s/unit-code"/>
        </xsl:call-template>
      </dd>
      <dt><t:s key="sysfield.kind"/></dt>
      <dd><t:label set="syskind" select="$s/kind"/></dd>
      <dt><t:s key="sysfield.url"/></dt>
      <dd>
        <xsl:choose>
          <!-- a link only to the web: the value is typed by a unit's staff -->
          <xsl:when test="starts-with($s/url, 'https://') or starts-with($s/url, 'http://')">
            <a href="{$s/url}" rel="noopener noreferrer"><xsl:value-of select="$s/url"/></a>
          </xsl:when>
          <xsl:when test="string($s/url)"><xsl:value-of select="$s/url"/></xsl:when>
          <xsl:otherwise><span class="muted">—</span></xsl:otherwise>
        </xsl:choose>
      </dd>
      <dt><t:s key="sysfield.ips"/></dt>
      <dd class="code">
        <xsl:value-of select="$s/ips"/>
        <xsl:if test="not(string($s/ips))"><span class="muted">—</span></xsl:if>
      </dd>
      <dt><t:s key="sysfield.purpose"/></dt>
      <dd class="multi">
        <xsl:value-of select="$s/purpose"/>
        <xsl:if test="not(string($s/purpose))"><span class="muted">—</span></xsl:if>
      </dd>
      <dt><t:s key="sysfield.vendor"/></dt>
      <dd>
        <xsl:choose>
          <xsl:when test="$s/vendor-id = '0'"><span class="muted"><t:s key="system.none"/></span></xsl:when>
          <!-- a unit's staff may not read every vendor's page; a site without pledges has none -->
          <xsl:when test="$all = '1' and /page/nav/item[@module = 'pledges']">
            <a href="/pledges/vendors/{$s/vendor-id}"><xsl:value-of select="$s/vendor"/></a>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$s/vendor"/></xsl:otherwise>
        </xsl:choose>
      </dd>
      <dt><t:s key="sysfield.hosting"/></dt>
      <dd><t:label set="syshost" select="$s/hosting"/></dd>
      <dt><t:s key="sysfield.admin_name"/></dt>
      <dd><xsl:value-of select="$s/admin-name"/></dd>
      <dt><t:s key="sysfield.admin_phone"/></dt>
      <dd><xsl:value-of select="$s/admin-phone"/></dd>
      <dt><t:s key="sysfield.status"/></dt>
      <dd><t:label set="sysstatus" select="$s/status"/></dd>
      <dt><t:s key="sysfield.golive_date"/></dt>
      <dd>
        <xsl:value-of select="$s/golive"/>
        <xsl:if test="not(string($s/golive))"><span class="muted">—</span></xsl:if>
      </dd>
      <!-- a website entry's live filing (the websites module), linked when the module is on -->
      <xsl:for-each select="/page/data/website">
        <dt><t:s key="websites.filing"/></dt>
        <dd class="website" data-web-state="{@state}">
          <xsl:choose>
            <xsl:when test="/page/nav/item[@module = 'websites']">
              <a href="/websites/{@id}"><t:label set="wstate" select="@state"/></a>
            </xsl:when>
            <xsl:otherwise><t:label set="wstate" select="@state"/></xsl:otherwise>
          </xsl:choose>
        </dd>
      </xsl:for-each>
    </dl>

    <h2><t:s key="sys.grading"/></h2>
    <dl class="facts">
      <dt><t:s key="sysfield.level"/></dt>
      <dd>
        <xsl:choose>
          <xsl:when test="$level &gt;= 1 and $level &lt;= 4">
            <strong><t:label set="syslevel" select="$s/level"/></strong>
          </xsl:when>
          <xsl:otherwise>
            <span class="chip chip-bad"><t:label set="syslevel" select="'0'"/></span>
            <small class="dates"><t:s key="system.not_graded"/></small>
          </xsl:otherwise>
        </xsl:choose>
      </dd>
      <dt><t:s key="sysfield.graded_date"/></dt>
      <dd>
        <xsl:value-of select="$s/graded"/>
        <xsl:if test="not(string($s/graded))"><span class="muted">—</span></xsl:if>
      </dd>
      <dt><t:s key="sysfield.review_date"/></dt>
      <dd>
        <xsl:value-of select="$s/review"/>
        <xsl:if test="not(string($s/review))"><span class="muted">—</span></xsl:if>
      </dd>
      <xsl:choose>
        <xsl:when test="$level &gt;= 2">
          <dt><t:s key="sysfield.filing_no"/></dt>
          <dd>
            <xsl:choose>
              <xsl:when test="string($s/filing-no)">
                <span class="code"><xsl:value-of select="$s/filing-no"/></span>
              </xsl:when>
              <xsl:otherwise><span class="chip chip-bad"><t:s key="system.not_filed"/></span></xsl:otherwise>
            </xsl:choose>
          </dd>
          <dt><t:s key="sysfield.filing_date"/></dt>
          <dd>
            <xsl:value-of select="$s/filing-date"/>
            <xsl:if test="not(string($s/filing-date))"><span class="muted">—</span></xsl:if>
          </dd>
        </xsl:when>
        <xsl:when test="$level = 1">
          <dt><t:s key="system.filing"/></dt>
          <dd><t:s key="system.level1_filing"/></dd>
        </xsl:when>
      </xsl:choose>
      <dt><t:s key="sysfield.cii"/></dt>
      <dd>
        <xsl:choose>
          <xsl:when test="$s/cii = '1'"><t:s key="system.cii_yes"/></xsl:when>
          <xsl:otherwise><t:s key="sys.no"/></xsl:otherwise>
        </xsl:choose>
      </dd>
    </dl>

    <h2><t:s key="system.assessments"/></h2>
    <dl class="facts">
      <dt><t:s key="system.last_assessed"/></dt>
      <dd>
        <xsl:value-of select="$s/last-assessed"/>
        <xsl:if test="not(string($s/last-assessed))"><span class="muted"><t:s key="system.none"/></span></xsl:if>
      </dd>
      <dt><t:s key="system.next_due"/></dt>
      <dd>
        <xsl:choose>
          <xsl:when test="$s/@overdue = '1'">
            <span class="late">
              <xsl:value-of select="$s/next-due"/>
              <xsl:text> </xsl:text>
              <t:s key="w.overdue"/>
            </span>
          </xsl:when>
          <xsl:when test="string($s/next-due)">
            <xsl:value-of select="$s/next-due"/>
            <xsl:if test="$s/@due-kind = 'cii'">
              <small class="dates"><t:s key="sys.due_cii"/></small>
            </xsl:if>
          </xsl:when>
          <xsl:when test="$s/status = 'retired'">
            <span class="muted"><t:s key="system.no_due_retired"/></span>
          </xsl:when>
          <xsl:when test="$level &lt; 2 and $s/cii != '1'">
            <span class="muted"><t:s key="system.no_cycle"/></span>
          </xsl:when>
          <xsl:otherwise><span class="muted">—</span></xsl:otherwise>
        </xsl:choose>
      </dd>
    </dl>
    <xsl:if test="$level &gt;= 2 and not(assessments/assessment[@result = 'pass' or @result = 'basic_pass'])">
      <p class="notice warn"><t:s key="system.gate_note"/></p>
    </xsl:if>
    <xsl:if test="$grades">
      <p class="actions">
        <a class="button secondary" href="{$base}{$s/id}/assess"><t:s key="system.assess"/></a>
      </p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="assessments/assessment">
        <div class="tablewrap">
          <table class="assessments">
            <thead>
              <tr>
                <th scope="col"><t:s key="system.col_date"/></th>
                <th scope="col"><t:s key="system.col_agency"/></th>
                <th scope="col"><t:s key="system.col_result"/></th>
                <th scope="col"><t:s key="system.col_score"/></th>
                <th scope="col"><t:s key="system.col_report"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="assessments/assessment">
                <tr>
                  <td class="num"><xsl:value-of select="@date"/></td>
                  <td><xsl:value-of select="agency"/></td>
                  <td class="num">
                    <span>
                      <xsl:attribute name="class">
                        <xsl:choose>
                          <xsl:when test="@result = 'fail'">missing</xsl:when>
                          <xsl:otherwise>ontime</xsl:otherwise>
                        </xsl:choose>
                      </xsl:attribute>
                      <t:label set="sysresult" select="@result"/>
                    </span>
                  </td>
                  <td class="num">
                    <xsl:value-of select="@score"/>
                    <xsl:if test="not(string(@score))"><span class="muted">—</span></xsl:if>
                  </td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="string(@report-id)">
                        <a href="{$base}assessments/{@id}/report"><t:s key="system.download"/></a>
                        <small class="dates">
                          <t:s key="system.report_size"><t:arg name="kb"><xsl:value-of select="ceiling(@size div 1024)"/></t:arg></t:s>
                          <xsl:text> · SHA-256 </xsl:text>
                          <code class="hash"><xsl:value-of select="substring(@sha256, 1, 16)"/>…</code>
                        </small>
                      </xsl:when>
                      <xsl:otherwise><span class="muted">—</span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="muted"><t:s key="system.assessments_none"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <h2 id="findings"><t:s key="system.findings"/></h2>
    <xsl:choose>
      <xsl:when test="findings/finding">
        <xsl:variable name="as" select="assessments/assessment"/>
        <div class="tablewrap">
          <table class="findings">
            <thead>
              <tr>
                <th scope="col"><t:s key="system.col_finding"/></th>
                <th scope="col"><t:s key="system.col_from"/></th>
                <th scope="col"><t:s key="system.col_deadline"/></th>
                <th scope="col"><t:s key="system.col_done"/></th>
                <th scope="col"><t:s key="system.col_state"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="findings/finding">
                <tr>
                  <xsl:if test="@overdue = '1'">
                    <xsl:attribute name="class">overdue</xsl:attribute>
                  </xsl:if>
                  <td class="multi"><xsl:value-of select="text"/></td>
                  <td class="num"><xsl:value-of select="$as[@id = current()/@assessment]/@date"/></td>
                  <td class="num"><xsl:value-of select="@deadline"/></td>
                  <td class="num">
                    <xsl:value-of select="@done"/>
                    <xsl:if test="not(string(@done))"><span class="muted">—</span></xsl:if>
                  </td>
                  <td class="num">
                    <xsl:choose>
                      <xsl:when test="string(@done)"><span class="chip chip-ok"><t:s key="system.done"/></span></xsl:when>
                      <xsl:when test="@overdue = '1'"><span class="late"><t:s key="w.overdue"/></span></xsl:when>
                      <xsl:otherwise><t:s key="system.open"/></xsl:otherwise>
                    </xsl:choose>
                    <xsl:if test="$writable">
                      <xsl:text> </xsl:text>
                      <a href="{$base}findings/{@id}">
                        <xsl:choose>
                          <xsl:when test="string(@done)"><t:s key="system.change_done"/></xsl:when>
                          <xsl:otherwise><t:s key="system.record_done"/></xsl:otherwise>
                        </xsl:choose>
                      </a>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="muted"><t:s key="system.findings_none"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$grades and assessments/assessment">
      <xsl:call-template name="add-finding"/>
    </xsl:if>

    <p class="small muted recorded">
      <t:s key="system.recorded">
        <t:arg name="by"><xsl:value-of select="$s/created-by"/></t:arg>
        <t:arg name="at"><xsl:value-of select="$s/updated-at"/></t:arg>
        <t:arg name="who"><xsl:value-of select="$s/updated-by"/></t:arg>
      </t:s>
    </p>
  </xsl:template>

  <!-- The office adds a finding to one of the assessments (fields: assessment finding fix_deadline nonce). -->
  <xsl:template name="add-finding">
    <xsl:variable name="a" select="string($form/field[@name = 'assessment'])"/>
    <form class="finding" method="post" action="{/page/@base}{system/id}/findings" novalidate="novalidate">
      <h3><t:s key="system.add_finding"/></h3>
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
      <div class="field">
        <label for="f-assessment">
          <xsl:call-template name="field-label"><xsl:with-param name="name" select="'assessment'"/></xsl:call-template>
        </label>
        <div class="input">
          <select id="f-assessment" name="assessment">
            <xsl:for-each select="assessments/assessment">
              <option value="{@id}">
                <xsl:if test="@id = $a">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="@date"/>
                <xsl:text> · </xsl:text>
                <xsl:value-of select="agency"/>
              </option>
            </xsl:for-each>
          </select>
        </div>
      </div>
      <xsl:call-template name="area-row">
        <xsl:with-param name="name" select="'finding'"/>
        <xsl:with-param name="rows" select="2"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'fix_deadline'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <p class="formbuttons"><button type="submit"><t:s key="system.add_finding_submit"/></button></p>
    </form>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="sys-css"/>
    <xsl:text>
.recorded{margin-top:2rem}
form.finding{max-width:48rem;margin-top:1rem;padding:.25rem 1rem 1rem;border:1px solid var(--line);border-radius:4px;background:var(--bg)}
code.hash{font-size:.8rem}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
